/* The mark the host's opcode profiler finds the interpreter by (`block profile`, docs/evm.md).
 *
 * It emits no instruction: only a label at the point of the dispatch loop where the opcode is in
 * a register, and a record in the non-loaded section .l2vm.evm_dispatch naming that label's
 * address and the register (4 bytes address, then the register's name, NUL-terminated, padded to
 * 4 bytes). The loaded image, and so every cycle count and the image ID, stay what they are
 * without it; the host reads the section and watches that pc. "%=" makes the label unique, so a
 * copy of the loop that the compiler makes records itself too. */
#ifndef EVM_PROFILE_H
#define EVM_PROFILE_H

#if defined(__riscv) && !defined(EVM_PROFILE_NO_MARK) /* check-guests builds without it to compare */
#define EVM_PROFILE_DISPATCH(op)                                     \
    __asm__ volatile(".Levm_dispatch%=:\n"                           \
                     ".pushsection .l2vm.evm_dispatch,\"\",@progbits\n" \
                     ".word .Levm_dispatch%=\n"                      \
                     ".asciz \"%0\"\n"                               \
                     ".balign 4\n"                                   \
                     ".popsection" ::"r"(op))
#else
#define EVM_PROFILE_DISPATCH(op) ((void)(op))
#endif

#endif

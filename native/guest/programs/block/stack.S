/* The block guest's stack: 4 MiB, for EVM calls nested 1024 deep (about 1 KiB of C stack each).
 * An absolute symbol here, because lld ignores -Wl,--defsym for a symbol the linker script
 * PROVIDEs (link.ld's default is 1 MiB). */
    .globl __stack_size
    .equ __stack_size, 0x00400000

# Guest entry point: set up gp and our own stack (so the zkVM and qemu-riscv32 start from the
# same state, whatever stack qemu prepared), run main, exit with its return value.
  .section .text.start, "ax"
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top
  call main
  call l2vm_exit
1:
  j 1b

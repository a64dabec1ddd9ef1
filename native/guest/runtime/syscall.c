#include "l2vm.h"

long l2vm_syscall3(long n, long a0, long a1, long a2) { return l2vm_ecall3(n, a0, a1, a2); }

long l2vm_read(int fd, void *buf, size_t len) {
  return l2vm_syscall3(L2VM_SYS_READ, fd, (long)buf, (long)len);
}

long l2vm_write(int fd, const void *buf, size_t len) {
  return l2vm_syscall3(L2VM_SYS_WRITE, fd, (long)buf, (long)len);
}

void l2vm_phase(uint32_t id) {
  /* The result (0 in the zkVM, -ENOSYS under qemu) carries nothing: ignored on purpose. */
  (void)l2vm_syscall3(L2VM_SYS_PHASE, (long)id, 0, 0);
}

uint32_t l2vm_precompiles(void) {
  /* Probed once: a guest asks in hot paths. A negative answer (-ENOSYS) means none. */
  static int probed;
  static uint32_t mask;
  if (!probed) {
    long r = l2vm_syscall3(L2VM_SYS_PRECOMPILES, 0, 0, 0);
    mask = r < 0 ? 0 : (uint32_t)r;
    probed = 1;
  }
  return mask;
}

_Noreturn void l2vm_exit(int code) {
  l2vm_syscall3(L2VM_SYS_EXIT, code, 0, 0);
  for (;;) {
  }
}

/* Writing the journal and stdout/stderr; needs nothing of the runtime but the syscalls, so printf.c
   and l2vm_panic can build on it. */
#include "l2vm.h"

static void write_all(int fd, const void *buf, size_t len) {
  const uint8_t *p = buf;
  while (len > 0) {
    long n = l2vm_write(fd, p, len);
    if (n <= 0) l2vm_exit(L2VM_PANIC_EXIT); /* cannot report: the output itself failed */
    p += n;
    len -= (size_t)n;
  }
}

void l2vm_commit(const void *buf, size_t len) { write_all(L2VM_FD_JOURNAL, buf, len); }

void l2vm_commit_u32(uint32_t v) {
  uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
  l2vm_commit(b, 4);
}

void l2vm_commit_u64(uint64_t v) {
  l2vm_commit_u32((uint32_t)v);
  l2vm_commit_u32((uint32_t)(v >> 32));
}

void l2vm_print(const char *s) { write_all(L2VM_FD_STDOUT, s, strlen(s)); }

void l2vm_eprint(const char *s) { write_all(L2VM_FD_STDERR, s, strlen(s)); }

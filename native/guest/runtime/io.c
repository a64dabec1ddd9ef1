/* Reading the input (fd 0); a failed read panics (printf.c). Writing is in io_out.c, below printf.c. */
#include "l2vm.h"

size_t l2vm_read_input(void *buf, size_t len) {
  uint8_t *p = buf;
  size_t done = 0;
  while (done < len) {
    long n = l2vm_read(L2VM_FD_INPUT, p + done, len - done);
    if (n < 0) l2vm_panic("read from the input failed: %ld", n);
    if (n == 0) break;
    done += (size_t)n;
  }
  return done;
}

void l2vm_read_input_exact(void *buf, size_t len) {
  size_t got = l2vm_read_input(buf, len);
  if (got != len) l2vm_panic("input too short: wanted %u bytes, got %u", (unsigned)len, (unsigned)got);
}

uint8_t *l2vm_read_input_all(size_t *len) {
  size_t cap = 4096, used = 0;
  uint8_t *buf = malloc(cap);
  for (;;) {
    if (used == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
    long n = l2vm_read(L2VM_FD_INPUT, buf + used, cap - used);
    if (n < 0) l2vm_panic("read from the input failed: %ld", n);
    if (n == 0) break;
    used += (size_t)n;
  }
  *len = used;
  return buf;
}

uint32_t l2vm_read_u32(void) {
  uint8_t b[4];
  l2vm_read_input_exact(b, 4);
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

uint64_t l2vm_read_u64(void) {
  uint64_t lo = l2vm_read_u32();
  return lo | (uint64_t)l2vm_read_u32() << 32;
}

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

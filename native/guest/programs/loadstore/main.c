/* Byte, half-word and word loads and stores at every aligned offset, with sign and zero
 * extension, negative immediates, and stores that must leave neighbouring bytes alone. Prints
 * each result; the exit code is the number of mismatches. */
#include "l2vm.h"

static int failures;
static uint32_t buffer[4] __attribute__((aligned(16)));

static void check(const char *what, int offset, uint32_t got, uint32_t want) {
  l2vm_printf("%-10s +%d = %08x%s\n", what, offset, got, got == want ? "" : "  MISMATCH");
  if (got != want) failures++;
}

#define LOAD(op, base, off) ({ uint32_t r_; __asm__ volatile(#op " %0, " #off "(%1)" : "=r"(r_) : "r"(base) : "memory"); r_; })
#define STORE(op, value, base, off) __asm__ volatile(#op " %0, " #off "(%1)" : : "r"(value), "r"(base) : "memory")

static void loads(void) {
  uint8_t *b = (uint8_t *)buffer;
  buffer[0] = 0x8081ff7f; /* bytes 7f ff 81 80 */
  buffer[1] = 0x7fff8000; /* bytes 00 80 ff 7f */
  check("lb", 0, LOAD(lb, b, 0), 0x7f);
  check("lb", 1, LOAD(lb, b, 1), 0xffffffff);
  check("lb", 2, LOAD(lb, b, 2), 0xffffff81);
  check("lb", 3, LOAD(lb, b, 3), 0xffffff80);
  check("lbu", 1, LOAD(lbu, b, 1), 0xff);
  check("lbu", 3, LOAD(lbu, b, 3), 0x80);
  check("lh", 0, LOAD(lh, b, 0), 0xffffff7f);
  check("lh", 2, LOAD(lh, b, 2), 0xffff8081);
  check("lh", 4, LOAD(lh, b, 4), 0xffff8000);
  check("lh", 6, LOAD(lh, b, 6), 0x7fff);
  check("lhu", 2, LOAD(lhu, b, 2), 0x8081);
  check("lhu", 4, LOAD(lhu, b, 4), 0x8000);
  check("lw", 0, LOAD(lw, b, 0), 0x8081ff7f);
  check("lw", 4, LOAD(lw, b, 4), 0x7fff8000);
  check("lw neg", -4, LOAD(lw, b + 8, -4), 0x7fff8000);
  check("lb neg", -7, LOAD(lb, b + 8, -7), 0xffffffff);
}

static void stores(void) {
  uint8_t *b = (uint8_t *)buffer;
  for (int i = 0; i < 4; i++) buffer[i] = 0x11223344;
  STORE(sb, 0xaabbccdd, b, 1);
  check("sb", 1, buffer[0], 0x1122dd44);
  STORE(sb, 0x99, b, 3);
  check("sb", 3, buffer[0], 0x9922dd44);
  STORE(sh, 0xaabbccdd, b, 6);
  check("sh", 6, buffer[1], 0xccdd3344);
  STORE(sh, 0x1234, b, 4);
  check("sh", 4, buffer[1], 0xccdd1234);
  STORE(sw, 0xcafef00d, b, 8);
  check("sw", 8, buffer[2], 0xcafef00d);
  STORE(sw, 0x01020304, b + 16, -4);
  check("sw neg", -4, buffer[3], 0x01020304);
  STORE(sb, 0x55, b + 16, -16);
  check("sb neg", -16, buffer[0], 0x9922dd55);
  /* Round trips through every width. */
  for (int off = 0; off < 4; off++) {
    b[8 + off] = (uint8_t)(0xf0 + off);
  }
  check("bytes->word", 8, buffer[2], 0xf3f2f1f0);
  uint16_t *h = (uint16_t *)buffer;
  h[6] = 0xbeef;
  h[7] = 0xdead;
  check("halfs->word", 12, buffer[3], 0xdeadbeef);
}

int main(void) {
  loads();
  stores();
  l2vm_printf("failures: %d\n", failures);
  l2vm_commit_u32((uint32_t)failures);
  return failures;
}

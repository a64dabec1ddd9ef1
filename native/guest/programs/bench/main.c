/* CPU-heavy guest for the executor benchmark: a mix of what the block guest spends its time on
 * (keccak over 64-bit lanes, SHA-256's 32-bit ALU work, data-dependent branches and memory in
 * a sort). The input is the number of rounds (u32, default 20); each round is a few million
 * instructions. Prints and commits a digest of all results, so every round's work is used. */
#include "../keccak/keccak.h"
#include "../sha256/sha256.h"
#include "l2vm.h"

enum { DATA_BYTES = 16384, SORT_COUNT = 2048 };

static int compare(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

int main(void) {
  uint32_t rounds = 20;
  uint8_t raw[4];
  if (l2vm_read_input(raw, 4) == 4) rounds = raw[0] | raw[1] << 8 | raw[2] << 16 | (uint32_t)raw[3] << 24;
  static uint8_t data[DATA_BYTES];
  static uint32_t values[SORT_COUNT];
  uint8_t digest[32] = {0};
  for (uint32_t r = 0; r < rounds; r++) {
    for (int i = 0; i < DATA_BYTES; i++) data[i] = (uint8_t)(digest[i & 31] + i + r);
    keccak256(data, DATA_BYTES, digest);
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, digest, 32);
    sha256_update(&ctx, data, DATA_BYTES);
    sha256_final(&ctx, digest);
    uint32_t x = digest[0] | digest[1] << 8 | digest[2] << 16 | (uint32_t)digest[3] << 24 | 1u;
    for (int i = 0; i < SORT_COUNT; i++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      values[i] = x;
    }
    qsort(values, SORT_COUNT, sizeof values[0], compare);
    for (int i = 0; i < 8; i++) digest[i] ^= (uint8_t)(values[SORT_COUNT / 2 + i] >> 8);
  }
  l2vm_printf("bench: %u rounds, digest ", (unsigned)rounds);
  for (int i = 0; i < 32; i++) l2vm_printf("%02x", digest[i]);
  l2vm_printf("\n");
  l2vm_commit(digest, 32);
  return 0;
}

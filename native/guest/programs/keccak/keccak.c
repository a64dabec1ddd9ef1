#include "keccak.h"

#include "l2vm.h"

static const uint64_t ROUND_CONSTANTS[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

/* Rotation offsets and lane permutation of rho and pi, in the order pi visits the lanes. */
static const int RHO[24] = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14,
                            27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
static const int PI[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4,
                           15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

static uint64_t rotl64(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

static void keccak_f(uint64_t a[25]) {
  for (int round = 0; round < 24; round++) {
    uint64_t c[5];
    for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; x++) {
      uint64_t d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[y + x] ^= d;
    }
    uint64_t carry = a[1];
    for (int i = 0; i < 24; i++) {
      uint64_t next = a[PI[i]];
      a[PI[i]] = rotl64(carry, RHO[i]);
      carry = next;
    }
    for (int y = 0; y < 25; y += 5) {
      uint64_t row[5];
      for (int x = 0; x < 5; x++) row[x] = a[y + x];
      for (int x = 0; x < 5; x++) a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
    }
    a[0] ^= ROUND_CONSTANTS[round];
  }
}

static void absorb_block(uint64_t state[25], const uint8_t *block) {
  for (int i = 0; i < 17; i++) {
    uint64_t lane = 0;
    for (int b = 7; b >= 0; b--) lane = (lane << 8) | block[8 * i + b];
    state[i] ^= lane;
  }
  keccak_f(state);
}

void keccak256(const void *data, size_t len, uint8_t digest[32]) {
  enum { RATE = 136 };
  uint64_t state[25] = {0};
  const uint8_t *p = data;
  for (; len >= RATE; len -= RATE, p += RATE) absorb_block(state, p);
  uint8_t last[RATE];
  memset(last, 0, sizeof last);
  memcpy(last, p, len);
  last[len] ^= 0x01;
  last[RATE - 1] ^= 0x80;
  absorb_block(state, last);
  for (int i = 0; i < 32; i++) digest[i] = (uint8_t)(state[i / 8] >> (8 * (i % 8)));
}

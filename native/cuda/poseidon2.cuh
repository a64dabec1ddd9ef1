// Poseidon2 over BabyBear, width 16, x^7 S-box, 8 external (4 + 4) and 13 internal rounds: the
// structure of Plonky3's default BabyBear instance. The round constants and the internal diagonal
// are not written here: the host loads them from the Java reference implementation (in Montgomery
// form, in the layout of the OFF_* offsets), so the kernels cannot drift from it.
//
// Hashing follows the Java reference: a row is absorbed by a padding-free sponge in overwrite
// mode (rate 8, zero initial state, one permutation per chunk of up to 8 elements), the digest is
// the first 8 state elements; two digests are compressed by permuting their concatenation and
// keeping the first 8 elements.
#pragma once
#include "babybear.cuh"

namespace p2 {

constexpr uint32_t WIDTH = 16;
constexpr uint32_t RATE = 8;
constexpr uint32_t DIGEST = 8;
constexpr uint32_t HALF_EXTERNAL_ROUNDS = 4;
constexpr uint32_t INTERNAL_ROUNDS = 13;
constexpr uint32_t OFF_EXTERNAL_INITIAL = 0;                                    // [4][16]
constexpr uint32_t OFF_INTERNAL = OFF_EXTERNAL_INITIAL + HALF_EXTERNAL_ROUNDS * WIDTH;  // [13]
constexpr uint32_t OFF_EXTERNAL_FINAL = OFF_INTERNAL + INTERNAL_ROUNDS;         // [4][16]
constexpr uint32_t OFF_DIAG = OFF_EXTERNAL_FINAL + HALF_EXTERNAL_ROUNDS * WIDTH;  // [16]
constexpr uint32_t CONSTANTS = OFF_DIAG + WIDTH;                                // 157 words

// The 4x4 MDS matrix [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] (additions only, so it works on
// Montgomery and canonical values alike).
L2_HD void mat4(uint32_t* x) {
  uint32_t t01 = bb::add(x[0], x[1]);
  uint32_t t23 = bb::add(x[2], x[3]);
  uint32_t t0123 = bb::add(t01, t23);
  uint32_t t01123 = bb::add(t0123, x[1]);
  uint32_t t01233 = bb::add(t0123, x[3]);
  uint32_t x0 = x[0];
  x[3] = bb::add(t01233, bb::add(x0, x0));
  x[1] = bb::add(t01123, bb::add(x[2], x[2]));
  x[0] = bb::add(t01123, t01);
  x[2] = bb::add(t01233, t23);
}

// circ(2 M4, M4, M4, M4): M4 on each block of four, then each element gains the sum of its
// position across the four blocks.
L2_HD void external_layer(uint32_t* s) {
#pragma unroll
  for (uint32_t b = 0; b < WIDTH; b += 4) mat4(s + b);
  uint32_t sums[4];
#pragma unroll
  for (uint32_t i = 0; i < 4; i++) {
    sums[i] = bb::add(bb::add(s[i], s[4 + i]), bb::add(s[8 + i], s[12 + i]));
  }
#pragma unroll
  for (uint32_t i = 0; i < WIDTH; i++) s[i] = bb::add(s[i], sums[i & 3]);
}

// 1 + diag(D): each element becomes sum + D_i * s_i.
L2_HD void internal_layer(uint32_t* s, const uint32_t* diag_mont) {
  uint32_t sum = s[0];
#pragma unroll
  for (uint32_t i = 1; i < WIDTH; i++) sum = bb::add(sum, s[i]);
#pragma unroll
  for (uint32_t i = 0; i < WIDTH; i++) s[i] = bb::add(bb::mont_mul(s[i], diag_mont[i]), sum);
}

L2_HD uint32_t sbox(uint32_t x) {
  uint32_t x2 = bb::mont_mul(x, x);
  uint32_t x3 = bb::mont_mul(x2, x);
  uint32_t x6 = bb::mont_mul(x3, x3);
  return bb::mont_mul(x6, x);
}

// The permutation on a state in Montgomery form; k holds the CONSTANTS words in Montgomery form.
L2_HD void permute_mont(uint32_t* s, const uint32_t* k) {
  external_layer(s);
#pragma unroll 1
  for (uint32_t r = 0; r < HALF_EXTERNAL_ROUNDS; r++) {
#pragma unroll
    for (uint32_t i = 0; i < WIDTH; i++) s[i] = sbox(bb::add(s[i], k[OFF_EXTERNAL_INITIAL + r * WIDTH + i]));
    external_layer(s);
  }
#pragma unroll 1
  for (uint32_t r = 0; r < INTERNAL_ROUNDS; r++) {
    s[0] = sbox(bb::add(s[0], k[OFF_INTERNAL + r]));
    internal_layer(s, k + OFF_DIAG);
  }
#pragma unroll 1
  for (uint32_t r = 0; r < HALF_EXTERNAL_ROUNDS; r++) {
#pragma unroll
    for (uint32_t i = 0; i < WIDTH; i++) s[i] = sbox(bb::add(s[i], k[OFF_EXTERNAL_FINAL + r * WIDTH + i]));
    external_layer(s);
  }
}

// The permutation on canonical values.
L2_HD void permute(uint32_t* s, const uint32_t* k) {
#pragma unroll
  for (uint32_t i = 0; i < WIDTH; i++) s[i] = bb::to_mont(s[i]);
  permute_mont(s, k);
#pragma unroll
  for (uint32_t i = 0; i < WIDTH; i++) s[i] = bb::from_mont(s[i]);
}

// Absorbs `len` canonical elements into a sponge state (Montgomery form) whose next free rate
// position is `pos`; permutes whenever the rate fills. Returns the new position.
L2_HD uint32_t absorb(uint32_t* s, const uint32_t* in, uint32_t len, uint32_t pos, const uint32_t* k) {
  for (uint32_t i = 0; i < len; i++) {
    uint32_t v = bb::to_mont(in[i]);
    // Constant indices keep the state in registers (a run-time index would move it to memory).
#pragma unroll
    for (uint32_t j = 0; j < RATE; j++) {
      if (j == pos) s[j] = v;
    }
    if (++pos == RATE) {
      permute_mont(s, k);
      pos = 0;
    }
  }
  return pos;
}

// Finishes a sponge: permutes a partly filled rate, writes the canonical digest.
L2_HD void squeeze(uint32_t* s, uint32_t pos, uint32_t* out, const uint32_t* k) {
  if (pos != 0) permute_mont(s, k);
#pragma unroll
  for (uint32_t i = 0; i < DIGEST; i++) out[i] = bb::from_mont(s[i]);
}

// The digest of `len` canonical elements at `in` (a matrix row), written canonical to `out`.
L2_HD void hash_elements(const uint32_t* in, uint32_t len, uint32_t* out, const uint32_t* k) {
  uint32_t s[WIDTH];
#pragma unroll
  for (uint32_t i = 0; i < WIDTH; i++) s[i] = 0;
  squeeze(s, absorb(s, in, len, 0, k), out, k);
}

// The parent digest of two child digests.
L2_HD void compress(const uint32_t* left, const uint32_t* right, uint32_t* out, const uint32_t* k) {
  uint32_t s[WIDTH];
#pragma unroll
  for (uint32_t i = 0; i < DIGEST; i++) {
    s[i] = bb::to_mont(left[i]);
    s[DIGEST + i] = bb::to_mont(right[i]);
  }
  permute_mont(s, k);
#pragma unroll
  for (uint32_t i = 0; i < DIGEST; i++) out[i] = bb::from_mont(s[i]);
}

}  // namespace p2

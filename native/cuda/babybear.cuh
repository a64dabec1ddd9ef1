// BabyBear (p = 2^31 - 2^27 + 1) and its degree-4 extension F[X]/(X^4 - 11), shared by the
// kernels and by the host-side kernel tests. Values in memory are canonical ([0, p)), exactly as
// the Java field classes hold them; Montgomery form (R = 2^32) is used inside computations only,
// and constants are stored pre-multiplied by R so that one reduction yields a canonical product.
#pragma once
#include <stdint.h>

#ifdef __CUDACC__
#define L2_HD __host__ __device__ __forceinline__
#else
#define L2_HD inline
#endif

namespace bb {

constexpr uint32_t P = 0x78000001u;
constexpr uint32_t P_NEG_INV = 0x77ffffffu;  // -p^-1 mod 2^32
constexpr uint32_t P_INV = 0x88000001u;      // p^-1 mod 2^32
constexpr uint32_t R_MOD_P = 0x0ffffffeu;    // 2^32 mod p: one in Montgomery form
constexpr uint32_t R2_MOD_P = 0x45dddde3u;   // 2^64 mod p: converts into Montgomery form
constexpr uint32_t EXT_W = 11u;              // X^4 = W
constexpr uint32_t TWO_ADICITY = 27;
constexpr uint32_t TWO_ADIC_ROOT = 0x1a427a41u;  // 31^15, a primitive 2^27-th root (as in Plonky3)

// min(s, s - p) as unsigned values: s - p wraps to a huge value exactly when s < p. Two
// instructions on the GPU instead of a compare and a select.
L2_HD uint32_t umin(uint32_t a, uint32_t b) { return a < b ? a : b; }

L2_HD uint32_t add(uint32_t a, uint32_t b) {
  uint32_t s = a + b;  // < 2p < 2^32
  return umin(s, s - P);
}

L2_HD uint32_t sub(uint32_t a, uint32_t b) {
  uint32_t d = a - b;  // wraps when a < b; then d + p is the (smaller) canonical difference
  return umin(d, d + P);
}

L2_HD uint32_t neg(uint32_t a) {
  return a == 0 ? 0 : P - a;
}

// x * 2^-32 mod p for x < p * 2^32; the result is canonical.
L2_HD uint32_t mont_reduce(uint64_t x) {
  uint32_t m = (uint32_t)x * P_NEG_INV;
  uint32_t t = (uint32_t)((x + (uint64_t)m * P) >> 32);  // < 2p
  return umin(t, t - P);
}

// a * b * 2^-32 for a, b < p: a Montgomery product; with b = c * 2^32 mod p it is the canonical
// a * c.
L2_HD uint32_t mont_mul(uint32_t a, uint32_t b) {
  return mont_reduce((uint64_t)a * b);
}

L2_HD uint32_t to_mont(uint32_t a) { return mont_mul(a, R2_MOD_P); }
L2_HD uint32_t from_mont(uint32_t a) { return mont_reduce(a); }

// The canonical product of two canonical values.
L2_HD uint32_t mul(uint32_t a, uint32_t b) {
  return mont_mul(mont_mul(a, b), R2_MOD_P);
}

L2_HD uint32_t pow(uint32_t base, uint32_t exponent) {
  uint32_t result = R_MOD_P;  // Montgomery one
  uint32_t b = to_mont(base);
  while (exponent != 0) {
    if (exponent & 1u) result = mont_mul(result, b);
    b = mont_mul(b, b);
    exponent >>= 1;
  }
  return from_mont(result);
}

// The inverse of a non-zero element (Fermat); zero maps to zero.
L2_HD uint32_t inv(uint32_t a) { return pow(a, P - 2); }

// A primitive 2^bits-th root of unity, bits <= 27: the same one as BabyBear.twoAdicGenerator.
L2_HD uint32_t two_adic_generator(uint32_t bits) {
  uint32_t g = TWO_ADIC_ROOT;
  for (uint32_t i = bits; i < TWO_ADICITY; i++) g = mul(g, g);
  return g;
}

// Reverses the low `bits` bits of v (bits in 1..32).
L2_HD uint32_t reverse_bits(uint32_t v, uint32_t bits) {
#ifdef __CUDA_ARCH__
  return __brev(v) >> (32 - bits);
#else
  v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
  v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
  v = ((v >> 4) & 0x0f0f0f0fu) | ((v & 0x0f0f0f0fu) << 4);
  v = ((v >> 8) & 0x00ff00ffu) | ((v & 0x00ff00ffu) << 8);
  v = (v >> 16) | (v << 16);
  return v >> (32 - bits);
#endif
}

// floor(log2(v)) for v >= 1.
L2_HD uint32_t log2_floor(uint32_t v) {
#ifdef __CUDA_ARCH__
  return 31u - (uint32_t)__clz(v);
#else
  return 31u - (uint32_t)__builtin_clz(v);
#endif
}

/** An element c0 + c1 X + c2 X^2 + c3 X^3 of the extension, coefficients canonical. */
struct Ext4 {
  uint32_t c[4];
};

L2_HD Ext4 ext_add(const Ext4& a, const Ext4& b) {
  return Ext4{{add(a.c[0], b.c[0]), add(a.c[1], b.c[1]), add(a.c[2], b.c[2]), add(a.c[3], b.c[3])}};
}

L2_HD Ext4 ext_sub(const Ext4& a, const Ext4& b) {
  return Ext4{{sub(a.c[0], b.c[0]), sub(a.c[1], b.c[1]), sub(a.c[2], b.c[2]), sub(a.c[3], b.c[3])}};
}

L2_HD Ext4 ext_mul_base(const Ext4& a, uint32_t s) {
  uint32_t sm = to_mont(s);
  return Ext4{{mont_mul(a.c[0], sm), mont_mul(a.c[1], sm), mont_mul(a.c[2], sm), mont_mul(a.c[3], sm)}};
}

// Schoolbook product with X^4 = W. The Montgomery products a_i b_j / R are summed mod p, and
// the sums are brought back by one multiplication with R^2 / R (W folded into that constant).
L2_HD Ext4 ext_mul(const Ext4& a, const Ext4& b) {
  const uint32_t* x = a.c;
  const uint32_t* y = b.c;
  uint32_t r0 = mont_mul(x[0], y[0]);
  uint32_t r1 = add(mont_mul(x[0], y[1]), mont_mul(x[1], y[0]));
  uint32_t r2 = add(add(mont_mul(x[0], y[2]), mont_mul(x[1], y[1])), mont_mul(x[2], y[0]));
  uint32_t r3 = add(add(mont_mul(x[0], y[3]), mont_mul(x[1], y[2])),
                    add(mont_mul(x[2], y[1]), mont_mul(x[3], y[0])));
  uint32_t h0 = add(add(mont_mul(x[1], y[3]), mont_mul(x[2], y[2])), mont_mul(x[3], y[1]));
  uint32_t h1 = add(mont_mul(x[2], y[3]), mont_mul(x[3], y[2]));
  uint32_t h2 = mont_mul(x[3], y[3]);
  const uint32_t w_r2 = 0x308888bbu;  // W * 2^64 mod p (checked by the host tests)
  return Ext4{{add(mont_mul(r0, R2_MOD_P), mont_mul(h0, w_r2)),
               add(mont_mul(r1, R2_MOD_P), mont_mul(h1, w_r2)),
               add(mont_mul(r2, R2_MOD_P), mont_mul(h2, w_r2)),
               mont_mul(r3, R2_MOD_P)}};
}

}  // namespace bb

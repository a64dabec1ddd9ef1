package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;

/**
 * The field arithmetic both Poseidon2 kernels are built from, on signed, partly reduced longs.
 *
 * <p>State elements are held scaled: s as s * C mod p with C = 2^67. The S-box first applies a
 * Montgomery reduction with radix 2^30 (x -> x * 2^-30, p^-1 = 1 + 2^27 mod 2^30), then four
 * Montgomery products with radix 2^32 (p^-1 = 1 + 2^27 + 2^31 mod 2^32). That
 * maps s * C to s^7 * C^7 * 2^-30*7 * 2^-32*6 = s^7 * C^7 * 2^-402, which is s^7 * C exactly
 * because C^6 = 2^402: the scale never needs a correction, and the linear layers commute with it.
 * Every operation is a 64-bit add, shift or multiply, with no int/long conversions (they stop
 * C2's vectoriser in Java 17). The products by the constants p and p^-1 are multiplications, not
 * shifts and adds: with 64-bit SIMD products (AVX-512 here) that measured 15 to 20% faster for
 * the batched kernel and about 10% for one permutation. Each range claim is tested at its edges
 * by {@code Poseidon2ArithmeticTest}.
 */
final class Poseidon2Arithmetic {

  static final long P = BabyBear.P;
  /** p^-1 mod 2^32 = 1 + 2^27 + 2^31. */
  private static final long P_INV32 = 0x88000001L;
  /** log2 of the scale C (see the class comment). */
  static final int SCALE_LOG2 = 67;
  /** floor(2^48 / p): Barrett quotient estimate. */
  private static final long MU48 = (1L << 48) / P;
  /** 1024p: added before a Barrett step so negative partial results reduce correctly. */
  static final long OFFSET = 1024 * P;

  private Poseidon2Arithmetic() {}

  /** x^7 of a scaled |v| < 2^29 p; the result is scaled and in (-p, p). */
  static long sbox(long v) {
    long x = redc30(v);
    long x2 = mont(x, x);
    long x3 = mont(x2, x);
    long x4 = mont(x2, x2);
    return mont(x3, x4);
  }

  /** x * 2^-30 mod p, in (-p, p), for |x| < 2^29 p: m = x p^-1 mod 2^30 (signed), x - m p is divisible by 2^30. */
  static long redc30(long x) {
    long m = ((x * (1 + (1L << 27))) << 34) >> 34;
    return (x - timesP(m)) >> 30;
  }

  /** a * b * 2^-32 mod p, in (-p, p), for |a b| < 2^31 p (e.g. |a|, |b| < p). */
  static long mont(long a, long b) {
    long t = a * b;
    long m = ((t * P_INV32) << 32) >> 32; // t p^-1 mod 2^32, signed
    return (t - timesP(m)) >> 32;
  }

  /**
   * m * p. A multiplication: in the batched kernel's SIMD loops one 64-bit product measured
   * cheaper than the three shifts and adds of (m << 31) - (m << 27) + m (the same value).
   */
  static long timesP(long m) {
    return m * P;
  }

  /**
   * x / 2^k mod p for |x| < 2^40 and k <= 27, in [x / 2^k, x / 2^k + p): since p = 1 (mod 2^27),
   * adding m p with m = -x mod 2^k makes the sum exactly divisible by 2^k.
   */
  static long halve(long x, int k) {
    long m = (-x) & ((1L << k) - 1);
    return (x + timesP(m)) >> k;
  }

  /**
   * A representative of v mod p in [-p, p) for -1024p <= v < 2^44. The offset makes v
   * non-negative, where the Barrett estimate floor(v MU48 / 2^48) is floor(v / p) or one less.
   */
  static long reduceLazy(long v) {
    long u = v + OFFSET;
    long q = (u * MU48) >>> 48;
    return u - timesP(q) - P;
  }

  /** The canonical value of a scaled |x| < 2^29 p. */
  static int canonical(long x, long fromScaled) {
    long r = mont(redc30(x), fromScaled);
    return (int) (r + ((r >> 63) & P));
  }

  /**
   * The round constants in the scaled form (full rounds flattened round by round), and the two
   * conversion factors: {@code mont(s, toScaled)} scales a canonical s (toScaled = C 2^32 mod p);
   * {@code mont(redc30(x), fromScaled)} undoes the scale (fromScaled = C^-1 2^62 mod p).
   */
  record ScaledConstants(long[] initialRc, long[] internalRc, long[] terminalRc, long toScaled, long fromScaled) {

    static ScaledConstants of(int[][] initial, int[] internal, int[][] terminal) {
      int c = BabyBear.pow(2, SCALE_LOG2);
      long[] internalRc = new long[internal.length];
      for (int i = 0; i < internal.length; i++) {
        internalRc[i] = BabyBear.mul(internal[i], c);
      }
      long toScaled = BabyBear.mul(c, BabyBear.pow(2, 32));
      long fromScaled = BabyBear.mul(BabyBear.inv(c), BabyBear.pow(2, 62));
      return new ScaledConstants(scaled(initial, c), internalRc, scaled(terminal, c), toScaled, fromScaled);
    }

    private static long[] scaled(int[][] rounds, int c) {
      long[] flat = new long[rounds.length * Poseidon2.WIDTH];
      for (int r = 0; r < rounds.length; r++) {
        for (int i = 0; i < Poseidon2.WIDTH; i++) {
          flat[r * Poseidon2.WIDTH + i] = BabyBear.mul(rounds[r][i], c);
        }
      }
      return flat;
    }
  }
}

package io.l2prover.zkvm.field;

/**
 * Montgomery multiplication for BabyBear with R = 2^32, for hot loops that multiply by
 * precomputed constants: a constant c stored as {@code toMontgomery(c)} = c * 2^32 mod p
 * multiplies a canonical x with one reduction and a canonical result,
 * {@code mulByPrepared(x, toMontgomery(c)) == BabyBear.mul(x, c)}. The field API stays on
 * canonical values; this is an internal tool for the NTT, Poseidon2 and friends.
 */
public final class Montgomery {

  /** p^-1 mod 2^32 (= 2^31 + 2^27 + 1). */
  static final int P_INV = 0x88000001;
  /** 2^64 mod p, to move a canonical value into Montgomery form with one reduction. */
  private static final long R2 = (1L << 32) % BabyBear.P * ((1L << 32) % BabyBear.P) % BabyBear.P;

  private Montgomery() {}

  /** t * 2^-32 mod p, canonical, for 0 <= t < p * 2^31 (e.g. any product of two canonical values). */
  public static int reduce(long t) {
    int m = (int) t * P_INV; // m * p == t (mod 2^32)
    int r = (int) ((t - (long) m * BabyBear.P) >> 32); // in (-p/2, p)
    return r + ((r >> 31) & BabyBear.P);
  }

  /** c * 2^32 mod p: the prepared form of a constant. */
  public static int toMontgomery(int c) {
    return reduce(c * R2);
  }

  /** x * c for canonical x and a constant prepared by {@link #toMontgomery}. */
  public static int mulByPrepared(int x, int preparedC) {
    return reduce((long) x * preparedC);
  }
}

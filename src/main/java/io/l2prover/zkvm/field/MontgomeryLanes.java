package io.l2prover.zkvm.field;

/**
 * BabyBear products over arrays of canonical values in 32-bit operations only, in loops short
 * enough for C2's auto-vectoriser (Java 17), which leaves alone int/long conversions and long
 * loop bodies: the scalar {@code (long) a * b} forms run one element at a time.
 *
 * <p>{@code mont(x, y) = x y 2^-32 mod p}: the high word of the 62-bit product x y from four
 * 16 x 16-bit partial products; m = x y p^-1 mod 2^32 from the low word; the high word of m p
 * (p = 0x7800 * 2^16 + 1) from shifts; x y - m p has a zero low word, so the result is the
 * difference of the high words, in (-p, p), made canonical. Same values as
 * {@link Montgomery#reduce}{@code ((long) x * y)}.
 */
public final class MontgomeryLanes {

  private static final int P = BabyBear.P;
  /** 2^64 mod p: mont(mont(x, y), R2) = x y. */
  private static final int R2 = Montgomery.toMontgomery(Montgomery.toMontgomery(1));

  private MontgomeryLanes() {}

  /** v[i] <- mont(v[i], w) for i < n; {@code high} (n ints) is scratch. With w = toMontgomery(c) this is v[i] c. */
  public static void timesPrepared(int[] v, int w, int n, int[] high) {
    int w1 = w >>> 16;
    int w0 = w & 0xFFFF;
    for (int i = 0; i < n; i++) {
      int x = v[i];
      int x1 = x >>> 16;
      int x0 = x & 0xFFFF;
      int p00 = x0 * w0; // < 2^32, read as unsigned
      int p01 = x0 * w1; // < 2^31
      int p10 = x1 * w0; // < 2^31
      int mid = (p00 >>> 16) + (p01 & 0xFFFF) + (p10 & 0xFFFF);
      high[i] = x1 * w1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    }
    int wInv = w * Montgomery.P_INV;
    for (int i = 0; i < n; i++) {
      v[i] = reduced(high[i], v[i] * wInv);
    }
  }

  /** out[i] <- x[i] y[i] mod p for i < n (out may be x or y); {@code high} (n ints) is scratch. */
  public static void product(int[] x, int[] y, int[] out, int n, int[] high) {
    for (int i = 0; i < n; i++) {
      int a = x[i];
      int b = y[i];
      int a1 = a >>> 16;
      int a0 = a & 0xFFFF;
      int b1 = b >>> 16;
      int b0 = b & 0xFFFF;
      int p00 = a0 * b0;
      int p01 = a0 * b1;
      int p10 = a1 * b0;
      int mid = (p00 >>> 16) + (p01 & 0xFFFF) + (p10 & 0xFFFF);
      high[i] = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    }
    for (int i = 0; i < n; i++) {
      out[i] = reduced(high[i], x[i] * y[i] * Montgomery.P_INV);
    }
    timesPrepared(out, R2, n, high);
  }

  /** The canonical (t - m p) / 2^32 given t's high word and m (t's low word times p^-1). */
  private static int reduced(int high, int m) {
    int m1 = m >>> 16;
    int m0 = m & 0xFFFF;
    int mpMid = m1 + (m0 << 15) - (m0 << 11); // m1 + m0 * 0x7800 < 2^31; m0 * 1 adds no carry
    int r = high - ((m1 << 15) - (m1 << 11) + (mpMid >>> 16));
    return r + ((r >> 31) & P);
  }
}

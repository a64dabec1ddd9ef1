package io.l2prover.zkvm.field;

/**
 * BabyBear products of an array of canonical values by a constant in 32-bit operations only,
 * in loops short enough for C2's auto-vectoriser (Java 17), which leaves alone int/long
 * conversions and long loop bodies: the scalar {@code (long) a * b} form runs one element at a
 * time. Pays where the arrays hold at least a few SIMD registers' worth (16 ints each).
 *
 * <p>{@code mont(x, w) = x w 2^-32 mod p}: the high word of the 62-bit product x w from four
 * 16 x 16-bit partial products; m = x w p^-1 mod 2^32 from the low word; the high word of m p
 * (p = 0x7800 * 2^16 + 1) from shifts; x w - m p has a zero low word, so the result is the
 * difference of the high words, in (-p, p), made canonical. Same values as
 * {@link Montgomery#reduce}{@code ((long) x * w)}.
 */
public final class MontgomeryLanes {

  private static final int P = BabyBear.P;

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

  /** The canonical (t - m p) / 2^32 given t's high word and m (t's low word times p^-1). */
  private static int reduced(int high, int m) {
    int m1 = m >>> 16;
    int m0 = m & 0xFFFF;
    int mpMid = m1 + (m0 << 15) - (m0 << 11); // m1 + m0 * 0x7800 < 2^31; m0 * 1 adds no carry
    int r = high - ((m1 << 15) - (m1 << 11) + (mpMid >>> 16));
    return r + ((r >> 31) & P);
  }
}

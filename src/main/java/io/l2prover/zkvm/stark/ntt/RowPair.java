package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.BabyBear;

/**
 * One butterfly on two whole rows of a row-major matrix (every column, one twiddle), in SIMD
 * code: the rows are copied into buffers of their own and each step is a short loop of 32-bit
 * operations. C2's auto-vectoriser (Java 17) leaves alone loops that read and write one array at
 * two offsets it cannot tell apart, loops with long bodies, and int/long conversions, so the
 * row-in-place loop with a 64-bit Montgomery product ran one column at a time.
 *
 * <p>The twiddle product is {@code Montgomery.reduce((long) x * w)} (canonical x, prepared w),
 * computed as: the high word of the 62-bit product x w from four 16 x 16-bit partial products;
 * m = x w p^-1 mod 2^32 from the low word; the high word of m p (p = 0x7800 * 2^16 + 1) from
 * shifts; the result is the difference of the high words (x w - m p has a zero low word), in
 * (-p, p), made canonical.
 *
 * <p>Holds its buffers: one per thread, reused for every butterfly of a level or block.
 */
final class RowPair {

  private static final int P = BabyBear.P;
  /** p^-1 mod 2^32, as in {@link io.l2prover.zkvm.field.Montgomery#reduce}. */
  private static final int P_INV = 0x88000001;

  private final int[] lo;
  private final int[] hi;
  private final int[] high;

  RowPair(int width) {
    lo = new int[width];
    hi = new int[width];
    high = new int[width];
  }

  /** DIF: (u, v) -> (u + v, (u - v) w) on rows at {@code loAt} and {@code hiAt}; {@code one}: the twiddle is 1 (w unused). */
  void dif(int[] a, int loAt, int hiAt, int w, boolean one) {
    load(a, loAt, hiAt);
    sumAndDifference();
    if (!one) {
      times(hi, w);
    }
    store(a, loAt, hiAt);
  }

  /** DIT: (u, v) -> (u + v w, u - v w) on rows at {@code loAt} and {@code hiAt}; {@code one}: the twiddle is 1. */
  void dit(int[] a, int loAt, int hiAt, int w, boolean one) {
    load(a, loAt, hiAt);
    if (!one) {
      times(hi, w);
    }
    sumAndDifference();
    store(a, loAt, hiAt);
  }

  private void load(int[] a, int loAt, int hiAt) {
    System.arraycopy(a, loAt, lo, 0, lo.length);
    System.arraycopy(a, hiAt, hi, 0, hi.length);
  }

  private void store(int[] a, int loAt, int hiAt) {
    System.arraycopy(lo, 0, a, loAt, lo.length);
    System.arraycopy(hi, 0, a, hiAt, hi.length);
  }

  /** (lo, hi) <- (lo + hi, lo - hi), canonical. */
  private void sumAndDifference() {
    int[] u = lo;
    int[] v = hi;
    for (int c = 0; c < u.length; c++) {
      int x = u[c];
      int y = v[c];
      int s = x + y - P;
      int d = x - y;
      u[c] = s + ((s >> 31) & P);
      v[c] = d + ((d >> 31) & P);
    }
  }

  /** v[c] <- v[c] w 2^-32 mod p for canonical v[c] and w; two loops, each short enough to vectorise. */
  private void times(int[] v, int w) {
    int n = v.length;
    int[] h = high;
    int w1 = w >>> 16;
    int w0 = w & 0xFFFF;
    for (int c = 0; c < n; c++) {
      int x = v[c];
      int x1 = x >>> 16;
      int x0 = x & 0xFFFF;
      int p00 = x0 * w0; // < 2^32, read as unsigned
      int p01 = x0 * w1; // < 2^31
      int p10 = x1 * w0; // < 2^31
      int mid = (p00 >>> 16) + (p01 & 0xFFFF) + (p10 & 0xFFFF);
      h[c] = x1 * w1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    }
    int wInv = w * P_INV;
    for (int c = 0; c < n; c++) {
      int m = v[c] * wInv; // (x w mod 2^32) p^-1
      int m1 = m >>> 16;
      int m0 = m & 0xFFFF;
      int mpMid = m1 + (m0 << 15) - (m0 << 11); // m1 + m0 * 0x7800 < 2^31; m0 * 1 adds no carry
      int r = h[c] - ((m1 << 15) - (m1 << 11) + (mpMid >>> 16));
      v[c] = r + ((r >> 31) & P);
    }
  }
}

package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.MontgomeryLanes;

/**
 * One butterfly on two whole rows of a row-major matrix (every column, one twiddle), in SIMD
 * code: the rows are copied into buffers of their own and each step is a short loop of 32-bit
 * operations. C2's auto-vectoriser (Java 17) leaves alone loops that read and write one array at
 * two offsets it cannot tell apart, loops with long bodies, and int/long conversions, so the
 * row-in-place loop with a 64-bit Montgomery product ran one column at a time. The twiddle
 * product is {@link MontgomeryLanes#timesPrepared}.
 *
 * <p>Holds its buffers: one per thread, reused for every butterfly of a level or block.
 */
final class RowPair {

  private static final int P = BabyBear.P;

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
    sumAndDifference(lo, hi);
    if (!one) {
      MontgomeryLanes.timesPrepared(hi, w, hi.length, high);
    }
    store(a, loAt, hiAt);
  }

  /** DIT: (u, v) -> (u + v w, u - v w) on rows at {@code loAt} and {@code hiAt}; {@code one}: the twiddle is 1. */
  void dit(int[] a, int loAt, int hiAt, int w, boolean one) {
    load(a, loAt, hiAt);
    if (!one) {
      MontgomeryLanes.timesPrepared(hi, w, hi.length, high);
    }
    sumAndDifference(lo, hi);
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

  /** (u, v) <- (u + v, u - v), canonical, for two buffers of the same length. */
  static void sumAndDifference(int[] u, int[] v) {
    for (int c = 0; c < u.length; c++) {
      int x = u[c];
      int y = v[c];
      int s = x + y - P;
      int d = x - y;
      u[c] = s + ((s >> 31) & P);
      v[c] = d + ((d >> 31) & P);
    }
  }
}

package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.MontgomeryLanes;

/**
 * Two butterfly levels (radix 4) on four whole rows of a row-major matrix, a quarter block apart,
 * in the SIMD loops of {@link RowPair}: the rows are loaded into buffers once and stored once for
 * both levels, so a level above the cache block costs half a sweep of the matrix and the copies
 * of the in-cache levels are halved.
 *
 * <p>Rows 0..3 are at j, j + q, j + 2q, j + 3q of a block of 4q rows. The level of half 2q pairs
 * (0, 2) with twiddle w_{4q}^j and (1, 3) with w_{4q}^(j+q); the level of half q pairs (0, 1)
 * and (2, 3), both with w_{2q}^j. Holds its buffers: one per thread.
 */
final class RowQuad {

  private final int[] r0;
  private final int[] r1;
  private final int[] r2;
  private final int[] r3;
  private final int[] high;

  RowQuad(int width) {
    r0 = new int[width];
    r1 = new int[width];
    r2 = new int[width];
    r3 = new int[width];
    high = new int[width];
  }

  /**
   * DIF: the level of half 2q, then the level of half q, on rows at {@code at} + k * {@code stride};
   * w02, w13, w01 as in the class comment; {@code first}: j = 0, where w02 and w01 are 1.
   */
  void dif(int[] a, int at, int stride, int w02, int w13, int w01, boolean first) {
    load(a, at, stride);
    RowPair.sumAndDifference(r0, r2);
    RowPair.sumAndDifference(r1, r3);
    if (!first) {
      times(r2, w02);
    }
    times(r3, w13);
    RowPair.sumAndDifference(r0, r1);
    RowPair.sumAndDifference(r2, r3);
    if (!first) {
      times(r1, w01);
      times(r3, w01);
    }
    store(a, at, stride);
  }

  /** DIT: the level of half q, then the level of half 2q; arguments as for {@link #dif}. */
  void dit(int[] a, int at, int stride, int w02, int w13, int w01, boolean first) {
    load(a, at, stride);
    if (!first) {
      times(r1, w01);
      times(r3, w01);
    }
    RowPair.sumAndDifference(r0, r1);
    RowPair.sumAndDifference(r2, r3);
    if (!first) {
      times(r2, w02);
    }
    times(r3, w13);
    RowPair.sumAndDifference(r0, r2);
    RowPair.sumAndDifference(r1, r3);
    store(a, at, stride);
  }

  private void times(int[] row, int w) {
    MontgomeryLanes.timesPrepared(row, w, row.length, high);
  }

  private void load(int[] a, int at, int stride) {
    int n = r0.length;
    System.arraycopy(a, at, r0, 0, n);
    System.arraycopy(a, at + stride, r1, 0, n);
    System.arraycopy(a, at + 2 * stride, r2, 0, n);
    System.arraycopy(a, at + 3 * stride, r3, 0, n);
  }

  private void store(int[] a, int at, int stride) {
    int n = r0.length;
    System.arraycopy(r0, 0, a, at, n);
    System.arraycopy(r1, 0, a, at + stride, n);
    System.arraycopy(r2, 0, a, at + 2 * stride, n);
    System.arraycopy(r3, 0, a, at + 3 * stride, n);
  }
}

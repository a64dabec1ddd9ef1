package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Montgomery;

/**
 * The radix-2 butterfly levels shared by the forward and inverse transforms. Twiddles come in
 * Montgomery-prepared form (see {@link Montgomery}), so each twiddle product is one reduction.
 * The first butterfly of a block has twiddle 1 and skips the product. Matrices of at least
 * {@link #ROW_PAIR_WIDTH} columns go through {@link RowPair}, which the JIT vectorises.
 */
final class Butterfly {

  private static final int P = BabyBear.P;

  private Butterfly() {}

  /**
   * From this many columns on, butterflies go row pair by row pair through {@link RowPair}: its
   * loops run in SIMD registers of 16 ints, and a narrower row would run its 32-bit product
   * without them, slower than the 64-bit one.
   */
  static final int ROW_PAIR_WIDTH = 16;

  /** The buffers for {@code width} columns, or null where the column-by-column loops are used. */
  static RowPair rowPairFor(int width) {
    return width >= ROW_PAIR_WIDTH ? new RowPair(width) : null;
  }

  /** The radix-4 buffers for {@code width} columns, or null where the column-by-column loops are used. */
  static RowQuad rowQuadFor(int width) {
    return width >= ROW_PAIR_WIDTH ? new RowQuad(width) : null;
  }

  /**
   * Rows per chunk of the column-by-column radix-4 levels: the four quarters of a chunk (16 KiB)
   * stay in L1 from the first level to the second.
   */
  private static int narrowChunk(int width) {
    return Math.max(16, 1024 / width);
  }

  /**
   * Two DIF levels on the block of 4 quarter rows at {@code start}, j in [from, to) of each
   * quarter: the level of half 2 quarter, then the level of half quarter (see {@link RowQuad}).
   * Without buffers, the radix-2 loops in chunks that stay in cache between the two levels.
   */
  static void difLevels2(int[] a, int width, int start, int quarter, int from, int to, int[] tw, RowQuad quad) {
    int q = quarter;
    if (quad != null) {
      int stride = q * width;
      for (int j = from; j < to; j++) {
        quad.dif(a, (start + j) * width, stride, tw[2 * q + j], tw[3 * q + j], tw[q + j], j == 0);
      }
      return;
    }
    for (int c0 = from; c0 < to; c0 += narrowChunk(width)) {
      int c1 = Math.min(to, c0 + narrowChunk(width));
      difLevel(a, width, start, 2 * q, c0, c1, tw, null);
      difLevel(a, width, start, 2 * q, c0 + q, c1 + q, tw, null);
      difLevel(a, width, start, q, c0, c1, tw, null);
      difLevel(a, width, start + 2 * q, q, c0, c1, tw, null);
    }
  }

  /** Two DIT levels, the inverse order of {@link #difLevels2}: half quarter, then half 2 quarter. */
  static void ditLevels2(int[] a, int width, int start, int quarter, int from, int to, int[] tw, RowQuad quad) {
    int q = quarter;
    if (quad != null) {
      int stride = q * width;
      for (int j = from; j < to; j++) {
        quad.dit(a, (start + j) * width, stride, tw[2 * q + j], tw[3 * q + j], tw[q + j], j == 0);
      }
      return;
    }
    for (int c0 = from; c0 < to; c0 += narrowChunk(width)) {
      int c1 = Math.min(to, c0 + narrowChunk(width));
      ditLevel(a, width, start, q, c0, c1, tw, null);
      ditLevel(a, width, start + 2 * q, q, c0, c1, tw, null);
      ditLevel(a, width, start, 2 * q, c0, c1, tw, null);
      ditLevel(a, width, start, 2 * q, c0 + q, c1 + q, tw, null);
    }
  }

  private static int add(int a, int b) {
    int s = a + b - P; // a + b < 2p < 2^32: in 32-bit wrap-around the result is exact in (-p, p)
    return s + ((s >> 31) & P);
  }

  private static int sub(int a, int b) {
    int d = a - b;
    return d + ((d >> 31) & P);
  }

  /** The butterfly with twiddle 1, the same in both directions: (u, v) -> (u + v, u - v). */
  private static void untwiddled(int[] a, int lo, int hi) {
    int u = a[lo];
    int v = a[hi];
    a[lo] = add(u, v);
    a[hi] = sub(u, v);
  }

  /**
   * DIF level on the block of 2*half rows at {@code start}, butterflies j in [from, to):
   * (u, v) -> (u + v, (u - v) w_{2 half}^j).
   */
  static void difLevel(int[] a, int width, int start, int half, int from, int to, int[] tw, RowPair rows) {
    if (width == 1) {
      difColumn(a, start, half, from, to, tw);
      return;
    }
    if (rows != null) {
      for (int j = from; j < to; j++) {
        int lo = (start + j) * width;
        rows.dif(a, lo, lo + half * width, tw[half + j], j == 0);
      }
      return;
    }
    for (int j = from; j < to; j++) {
      int w = tw[half + j];
      int lo = (start + j) * width;
      int hi = lo + half * width;
      if (j == 0) {
        for (int c = 0; c < width; c++) {
          untwiddled(a, lo + c, hi + c);
        }
      } else {
        for (int c = 0; c < width; c++) {
          int u = a[lo + c];
          int v = a[hi + c];
          a[lo + c] = add(u, v);
          a[hi + c] = Montgomery.reduce((long) sub(u, v) * w);
        }
      }
    }
  }

  private static void difColumn(int[] a, int start, int half, int from, int to, int[] tw) {
    int j = from;
    if (j == 0) {
      untwiddled(a, start, start + half);
      j = 1;
    }
    for (; j < to; j++) {
      int lo = start + j;
      int u = a[lo];
      int v = a[lo + half];
      a[lo] = add(u, v);
      a[lo + half] = Montgomery.reduce((long) sub(u, v) * tw[half + j]);
    }
  }

  /** DIT level: (u, v) -> (u + v w^j, u - v w^j). */
  static void ditLevel(int[] a, int width, int start, int half, int from, int to, int[] tw, RowPair rows) {
    if (width == 1) {
      ditColumn(a, start, half, from, to, tw);
      return;
    }
    if (rows != null) {
      for (int j = from; j < to; j++) {
        int lo = (start + j) * width;
        rows.dit(a, lo, lo + half * width, tw[half + j], j == 0);
      }
      return;
    }
    for (int j = from; j < to; j++) {
      int w = tw[half + j];
      int lo = (start + j) * width;
      int hi = lo + half * width;
      if (j == 0) {
        for (int c = 0; c < width; c++) {
          untwiddled(a, lo + c, hi + c);
        }
      } else {
        for (int c = 0; c < width; c++) {
          int u = a[lo + c];
          int v = Montgomery.reduce((long) a[hi + c] * w);
          a[lo + c] = add(u, v);
          a[hi + c] = sub(u, v);
        }
      }
    }
  }

  private static void ditColumn(int[] a, int start, int half, int from, int to, int[] tw) {
    int j = from;
    if (j == 0) {
      untwiddled(a, start, start + half);
      j = 1;
    }
    for (; j < to; j++) {
      int lo = start + j;
      int u = a[lo];
      int v = Montgomery.reduce((long) a[lo + half] * tw[half + j]);
      a[lo] = add(u, v);
      a[lo + half] = sub(u, v);
    }
  }
}

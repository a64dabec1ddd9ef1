package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.BabyBear;

/** The radix-2 butterfly levels shared by the forward and inverse transforms. */
final class Butterfly {

  private Butterfly() {}

  /**
   * DIF level on the block of 2*half rows at {@code start}, butterflies j in [from, to):
   * (u, v) -> (u + v, (u - v) w_{2 half}^j).
   */
  static void difLevel(int[] a, int width, int start, int half, int from, int to, int[] tw) {
    for (int j = from; j < to; j++) {
      int w = tw[half + j];
      int lo = (start + j) * width;
      int hi = lo + half * width;
      for (int c = 0; c < width; c++) {
        int u = a[lo + c];
        int v = a[hi + c];
        a[lo + c] = BabyBear.add(u, v);
        a[hi + c] = BabyBear.mul(BabyBear.sub(u, v), w);
      }
    }
  }

  /** DIT level: (u, v) -> (u + v w^j, u - v w^j). */
  static void ditLevel(int[] a, int width, int start, int half, int from, int to, int[] tw) {
    for (int j = from; j < to; j++) {
      int w = tw[half + j];
      int lo = (start + j) * width;
      int hi = lo + half * width;
      for (int c = 0; c < width; c++) {
        int u = a[lo + c];
        int v = BabyBear.mul(a[hi + c], w);
        a[lo + c] = BabyBear.add(u, v);
        a[hi + c] = BabyBear.sub(u, v);
      }
    }
  }
}

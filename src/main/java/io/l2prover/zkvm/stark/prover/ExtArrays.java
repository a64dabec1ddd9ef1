package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;

/** Extension-field arithmetic on flat int arrays (4 ints per element), for the prover's inner loops. */
final class ExtArrays {

  static final int P = BabyBear.P;
  /** p^2: a long accumulator kept below it can take one more product of two values below p. */
  static final long P2 = (long) P * P;

  private ExtArrays() {}

  /** out[oo..] = x[xo..] * y[yo..] in BabyBear[X]/(X^4 - 11); out may alias x or y. */
  static void mul(int[] x, int xo, int[] y, int yo, int[] out, int oo) {
    long a0 = x[xo];
    long a1 = x[xo + 1];
    long a2 = x[xo + 2];
    long a3 = x[xo + 3];
    long b0 = y[yo];
    long b1 = y[yo + 1];
    long b2 = y[yo + 2];
    long b3 = y[yo + 3];
    long c0 = (a0 * b0 % P) + Ext4.W * ((a1 * b3 + a2 * b2) % P + a3 * b1 % P);
    long c1 = (a0 * b1 + a1 * b0) % P + Ext4.W * ((a2 * b3 + a3 * b2) % P);
    long c2 = (a0 * b2 + a1 * b1) % P + (a2 * b0 % P) + Ext4.W * (a3 * b3 % P);
    long c3 = (a0 * b3 + a1 * b2) % P + (a2 * b1 + a3 * b0) % P;
    out[oo] = (int) (c0 % P);
    out[oo + 1] = (int) (c1 % P);
    out[oo + 2] = (int) (c2 % P);
    out[oo + 3] = (int) (c3 % P);
  }

  static Ext4 get(int[] a, int i) {
    return new Ext4(a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]);
  }

  static void put(int[] a, int i, Ext4 v) {
    a[4 * i] = v.a0();
    a[4 * i + 1] = v.a1();
    a[4 * i + 2] = v.a2();
    a[4 * i + 3] = v.a3();
  }

  /** Inverts elements [from, to) of {@code values} in place with one inversion (Montgomery's trick). */
  static void batchInverse(int[] values, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    int[] prefix = new int[4 * n];
    int[] acc = {1, 0, 0, 0};
    for (int i = 0; i < n; i++) {
      System.arraycopy(acc, 0, prefix, 4 * i, 4);
      mul(acc, 0, values, 4 * (from + i), acc, 0);
    }
    int[] inv = get(acc, 0).inv().toArray();
    int[] tmp = new int[4];
    for (int i = n - 1; i >= 0; i--) {
      int at = 4 * (from + i);
      System.arraycopy(values, at, tmp, 0, 4);
      mul(prefix, 4 * i, inv, 0, values, at);
      mul(inv, 0, tmp, 0, inv, 0);
    }
  }
}

package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;

/** Extension-field arithmetic on flat int arrays (4 ints per element), for the prover's inner loops. */
final class ExtArrays {

  static final int P = BabyBear.P;
  /** p^2: a long accumulator kept below it can take one more product of two values below p. */
  static final long P2 = (long) P * P;

  private ExtArrays() {}

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
      Ext4.mulInto(acc, 0, values, 4 * (from + i), acc, 0);
    }
    int[] inv = get(acc, 0).inv().toArray();
    int[] tmp = new int[4];
    for (int i = n - 1; i >= 0; i--) {
      int at = 4 * (from + i);
      System.arraycopy(values, at, tmp, 0, 4);
      Ext4.mulInto(prefix, 4 * i, inv, 0, values, at);
      Ext4.mulInto(inv, 0, tmp, 0, inv, 0);
    }
  }
}

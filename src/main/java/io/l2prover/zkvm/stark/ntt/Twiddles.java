package io.l2prover.zkvm.stark.ntt;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Montgomery;

/**
 * Roots of unity for every butterfly level, in one table: entry {@code h + j} holds
 * w_{2h}^j for each power of two h and 0 <= j < h, where w_{2h} is BabyBear's primitive
 * 2h-th root of unity (Plonky3's {@code two_adic_generator}). The table does not depend on the
 * transform size, so one table serves every size up to its length; each level is contiguous.
 * Entries are in Montgomery-prepared form ({@link Montgomery#toMontgomery}).
 */
final class Twiddles {

  private final int[] forward;
  private final int[] inverse;

  private Twiddles(int[] forward, int[] inverse) {
    this.forward = forward;
    this.inverse = inverse;
  }

  /** A table for transforms of up to 2^logMax points. */
  static Twiddles upTo(int logMax) {
    int n = 1 << Math.max(logMax, 1);
    int[] fwd = new int[n];
    int[] inv = new int[n];
    for (int h = 1, bits = 1; h < n; h <<= 1, bits++) {
      int root = BabyBear.twoAdicGenerator(bits);
      int rootInv = BabyBear.inv(root);
      int x = 1;
      int y = 1;
      for (int j = 0; j < h; j++) {
        fwd[h + j] = Montgomery.toMontgomery(x);
        inv[h + j] = Montgomery.toMontgomery(y);
        x = BabyBear.mul(x, root);
        y = BabyBear.mul(y, rootInv);
      }
    }
    return new Twiddles(fwd, inv);
  }

  int capacity() {
    return forward.length;
  }

  int[] forward() {
    return forward;
  }

  int[] inverse() {
    return inverse;
  }
}

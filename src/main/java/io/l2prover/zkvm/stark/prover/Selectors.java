package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.ntt.BitReversal;

/**
 * Row selectors on a coset of the quotient domain, for a trace subgroup H of size n with
 * generator ω and vanishing polynomial Z_H(x) = x^n − 1: first row Z_H(x)/(x − 1), last row
 * Z_H(x)/(x − ω^-1), transition x − ω^-1, and 1/Z_H(x). The verifier uses the same formulas at ζ.
 */
final class Selectors {

  private Selectors() {}

  /** Fills the arrays for the coset {@code shift · <W>} of size 2^logSize, bit-reversed. */
  static void onCoset(int logRows, int logSize, int shift, int[] first, int[] last, int[] transition,
      int[] inverseVanishing) {
    int size = 1 << logSize;
    int n = 1 << logRows;
    int omegaInv = BabyBear.inv(BabyBear.twoAdicGenerator(logRows));
    int w = BabyBear.twoAdicGenerator(logSize);
    int[] natural = new int[size];
    natural[0] = shift;
    for (int i = 1; i < size; i++) {
      natural[i] = BabyBear.mul(natural[i - 1], w);
    }
    int[] minusOne = new int[size];
    int[] minusOmegaInv = new int[size];
    int[] vanishing = new int[size];
    for (int j = 0; j < size; j++) {
      int x = natural[BitReversal.reverse(j, logSize)];
      vanishing[j] = BabyBear.sub(BabyBear.pow(x, n), 1);
      minusOne[j] = BabyBear.sub(x, 1);
      minusOmegaInv[j] = BabyBear.sub(x, omegaInv);
      transition[j] = minusOmegaInv[j];
    }
    int[] inv = new int[size];
    BabyBear.batchInverse(minusOne, inv);
    for (int j = 0; j < size; j++) {
      first[j] = BabyBear.mul(vanishing[j], inv[j]);
    }
    BabyBear.batchInverse(minusOmegaInv, inv);
    for (int j = 0; j < size; j++) {
      last[j] = BabyBear.mul(vanishing[j], inv[j]);
    }
    BabyBear.batchInverse(vanishing, inverseVanishing);
  }
}

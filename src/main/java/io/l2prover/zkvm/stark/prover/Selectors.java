package io.l2prover.zkvm.stark.prover;

import io.l2prover.util.ParallelRanges;
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
    if (logSize < logRows) {
      throw new IllegalArgumentException("a coset of 2^" + logSize + " points cannot hold a 2^" + logRows
          + "-row trace's quotient");
    }
    int size = 1 << logSize;
    int n = 1 << logRows;
    int omegaInv = BabyBear.inv(BabyBear.twoAdicGenerator(logRows));
    int w = BabyBear.twoAdicGenerator(logSize);
    // x^n - 1 at x = shift w^i depends on i mod 2^(logSize - logRows) only (w^n has that order).
    int blowup = 1 << (logSize - logRows);
    int[] vanishingByResidue = new int[blowup];
    int shiftToN = BabyBear.pow(shift, n);
    int wToN = BabyBear.pow(w, n);
    for (int k = 0, p = shiftToN; k < blowup; k++, p = BabyBear.mul(p, wToN)) {
      vanishingByResidue[k] = BabyBear.sub(p, 1);
    }
    int[] natural = new int[size];
    // Blocks side by side: each starts from its own power of w, then steps by w.
    ParallelRanges.run(size, ParallelRanges.GRAIN, (from, to) -> {
      int x = BabyBear.mul(shift, BabyBear.pow(w, from));
      for (int i = from; i < to; i++, x = BabyBear.mul(x, w)) {
        natural[i] = x;
      }
    });
    // Each block inverts its own values (one batch inversion per block; inverses are unique, so
    // the values do not depend on the blocking).
    ParallelRanges.run(size, ParallelRanges.GRAIN, (from, to) -> {
      int len = to - from;
      int[] minusOne = new int[len];
      int[] minusOmegaInv = new int[len];
      int[] vanishing = new int[len];
      for (int j = from; j < to; j++) {
        int i = BitReversal.reverse(j, logSize);
        int x = natural[i];
        vanishing[j - from] = vanishingByResidue[i & (blowup - 1)];
        minusOne[j - from] = BabyBear.sub(x, 1);
        minusOmegaInv[j - from] = BabyBear.sub(x, omegaInv);
        transition[j] = minusOmegaInv[j - from];
      }
      int[] inv = new int[len];
      BabyBear.batchInverse(minusOne, inv);
      for (int j = from; j < to; j++) {
        first[j] = BabyBear.mul(vanishing[j - from], inv[j - from]);
      }
      BabyBear.batchInverse(minusOmegaInv, inv);
      for (int j = from; j < to; j++) {
        last[j] = BabyBear.mul(vanishing[j - from], inv[j - from]);
      }
      BabyBear.batchInverse(vanishing, inv);
      System.arraycopy(inv, 0, inverseVanishing, from, len);
    });
  }
}

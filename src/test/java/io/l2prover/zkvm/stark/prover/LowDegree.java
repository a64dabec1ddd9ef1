package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.proof.Protocol;

/** What a cheating prover gives FRI in place of a codeword that is not of low degree. */
public final class LowDegree {

  private LowDegree() {}

  /**
   * Interpolates an extension-field codeword on its coset, drops the coefficients from
   * 2^logDegree on and re-evaluates: the nearest codeword FRI accepts, agreeing with the
   * original wherever the dropped part vanishes.
   */
  public static int[] project(ComputeBackend backend, int[] codeword, int logDegree) {
    int size = codeword.length / 4;
    int[] coefficients = codeword.clone();
    Ntt.sequential().inverseFromBitReversed(coefficients, 4, size);
    int shiftInv = BabyBear.inv(Protocol.SHIFT);
    int s = 1;
    int n = 1 << logDegree;
    int[] low = new int[4 * n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < 4; k++) {
        low[4 * j + k] = BabyBear.mul(coefficients[4 * j + k], s);
      }
      s = BabyBear.mul(s, shiftInv);
    }
    Ntt.sequential().forward(low, 4, n);
    return backend.cosetLde(low, 4, logDegree, Integer.numberOfTrailingZeros(size) - logDegree, Protocol.SHIFT);
  }
}

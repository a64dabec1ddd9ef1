package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.ntt.BitReversal;

/**
 * The domains of one FRI run: layer 0 is the coset {@code shift · <W>} of size 2^logSize in
 * bit-reversed order; layer k is the coset {@code shift^(2^k) · <W^(2^k)>}; after
 * {@link #folds()} rounds the degree bound is 2^logFinalDegree.
 */
public record FriShape(int logDegree, int logBlowup, int logFinalDegree, int shift) {

  public int logSize() {
    return logDegree + logBlowup;
  }

  /** Number of arity-2 folds: down to the final degree bound (none if already below it). */
  public int folds() {
    return Math.max(0, logDegree - logFinalDegree);
  }

  public int finalDegree() {
    return 1 << Math.min(logDegree, logFinalDegree);
  }

  public int layerLogSize(int layer) {
    return logSize() - layer;
  }

  public int layerShift(int layer) {
    int s = shift;
    for (int i = 0; i < layer; i++) {
      s = BabyBear.mul(s, s);
    }
    return s;
  }

  /** The point of layer {@code layer} at bit-reversed position {@code index}. */
  public int point(int layer, int index) {
    int log = layerLogSize(layer);
    int w = BabyBear.twoAdicGenerator(log);
    return BabyBear.mul(layerShift(layer), BabyBear.pow(w, BitReversal.reverse(index, log)));
  }
}

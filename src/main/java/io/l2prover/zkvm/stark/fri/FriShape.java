package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.ntt.BitReversal;

/**
 * The domains and rounds of one FRI run. Layer 0 is the coset {@code shift · <W>} of size
 * 2^logSize in bit-reversed order; layer k (after k arity-2 folds) is the coset
 * {@code shift^(2^k) · <W^(2^k)>}, again bit-reversed, and position p of layer 0 continues as
 * p >> k. After {@link #folds()} folds the degree bound is 2^logFinalDegree. The folds are
 * grouped in rounds of {@code logArity} (the last may be shorter): round r starts at layer
 * {@link #roundStart(int)}, whose values are grouped 2^{@link #roundBits(int)} to a leaf.
 */
public record FriShape(int logDegree, int logBlowup, int logFinalDegree, int logArity, int shift) {

  public static FriShape of(int logDegree, FriParameters params, int shift) {
    return new FriShape(logDegree, params.logBlowup(), params.logFinalDegree(), params.logArity(), shift);
  }

  public int logSize() {
    return logDegree + logBlowup;
  }

  /** Number of arity-2 folds: down to the final degree bound (none if already below it). */
  public int folds() {
    return Math.max(0, logDegree - logFinalDegree);
  }

  public int rounds() {
    return (folds() + logArity - 1) / logArity;
  }

  /** The layer round {@code r} starts from. */
  public int roundStart(int r) {
    return r * logArity;
  }

  /** How many folds round {@code r} makes (log2 of its leaf size). */
  public int roundBits(int r) {
    return Math.min(logArity, folds() - roundStart(r));
  }

  /** log2 of the layer-0 group a query folds in round 0 (all values one round-0 leaf holds). */
  public int firstGroupBits() {
    return rounds() == 0 ? 0 : roundBits(0);
  }

  /**
   * log2 of the group of layer-{@code layer} values a query needs from a codeword that enters
   * the fold at that layer (a shorter table's DEEP combination): the whole round-0 leaf at layer
   * 0; one value at a round's first layer (its committed leaf already holds the sum) and at the
   * final layer; inside a round, every value the rest of the round folds into the query's value.
   */
  public int entryGroupBits(int layer) {
    if (layer == 0) {
      return firstGroupBits();
    }
    for (int r = 0; r < rounds(); r++) {
      int end = roundStart(r) + roundBits(r);
      if (layer > roundStart(r) && layer < end) {
        return end - layer;
      }
    }
    return 0;
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

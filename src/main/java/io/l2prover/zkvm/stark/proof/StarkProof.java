package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.fri.FriParameters;

/**
 * A STARK proof for one AIR instance: a {@link MultiTableProof} of exactly one table whose LogUp
 * sums balance on their own. The preprocessed commitment is not in it: the verifier derives it
 * from the AIR it expects ({@code VerifyingKey}).
 */
public record StarkProof(MultiTableProof proof) {

  public StarkProof {
    if (proof.tables().size() != 1 || !proof.tables().get(0).present()) {
      throw new IllegalArgumentException("a single-table proof holds exactly one present table, got "
          + proof.tables().size());
    }
  }

  public TableProof table() {
    return proof.tables().get(0);
  }

  public String airName() {
    return table().name();
  }

  public int logRows() {
    return table().logRows();
  }

  public FriParameters params() {
    return proof.params();
  }

  public int[] publicValues() {
    return table().publicValues();
  }
}

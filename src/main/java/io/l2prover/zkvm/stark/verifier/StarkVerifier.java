package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintDigest;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.VerifyingKey;
import java.util.List;

/**
 * Verifies a single-table {@link StarkProof} against the AIR, verifying key and public values
 * the caller expects: the one-shot {@link MultiTableVerifier} check of that one table (its LogUp
 * sums must balance on their own). Any failure is an {@link InvalidProofException} saying which
 * check failed.
 */
public final class StarkVerifier {

  private final MultiTableVerifier verifier;

  public StarkVerifier(FriParameters params) {
    this.verifier = new MultiTableVerifier(params);
  }

  public void verify(Air air, VerifyingKey key, StarkProof proof, int[] publicValues) throws InvalidProofException {
    if (!air.name().equals(key.airName()) || !proof.airName().equals(key.airName())) {
      throw new InvalidProofException("proof is for AIR '" + proof.airName() + "', expected '" + key.airName() + "'");
    }
    if (!ConstraintDigest.of(air).equals(key.constraintDigest())) {
      throw new InvalidProofException("verifying key is for another constraint set than AIR '" + air.name() + "'");
    }
    if (proof.logRows() != key.logRows()) {
      throw new InvalidProofException("proof is for 2^" + proof.logRows() + " rows, expected 2^" + key.logRows());
    }
    if ((key.preprocessedRoot() != null) != (air.preprocessedWidth() > 0)) {
      throw new InvalidProofException("verifying key does not match the AIR's preprocessed columns");
    }
    TableKey table = new TableKey(air, key.constraintDigest(), key.preprocessedRoot() == null ? 0 : key.logRows(),
        key.preprocessedRoot());
    verifier.verify(List.of(table), proof.proof(), List.of(publicValues), List.of());
  }
}

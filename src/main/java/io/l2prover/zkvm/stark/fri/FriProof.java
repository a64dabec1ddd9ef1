package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * FRI's part of a proof. Layer 0 (the committed polynomial itself) is not committed here: the
 * caller's trace openings determine it. The layer each later round starts from is committed with
 * the values one leaf folds into one (2^arity-bits consecutive values, bit-reversed order);
 * {@code finalPolynomial} holds the coefficients of the last layer.
 *
 * @param layerRoots roots of the layers of rounds 1, 2, ...
 * @param layerOpenings for each committed layer, the opened leaves of every query
 * @param finalPolynomial coefficients (X^0 first) of the last layer's polynomial
 * @param roundWitnesses for each round, the proof-of-work witness observed before its folding challenges
 * @param powWitness the proof-of-work witness observed before the queries are drawn
 */
public record FriProof(List<Digest> layerRoots, List<MerkleBatchOpening> layerOpenings, Ext4[] finalPolynomial,
    int[] roundWitnesses, int powWitness) {

  public FriProof {
    layerRoots = List.copyOf(layerRoots);
    layerOpenings = List.copyOf(layerOpenings);
    finalPolynomial = finalPolynomial.clone();
    roundWitnesses = roundWitnesses.clone();
  }

  @Override
  public int[] roundWitnesses() {
    return roundWitnesses.clone();
  }

  @Override
  public Ext4[] finalPolynomial() {
    return finalPolynomial.clone();
  }
}

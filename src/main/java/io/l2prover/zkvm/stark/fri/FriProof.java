package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * FRI's part of a proof. Each round commits one tree: from round 1 on, its leaves hold the 2^a
 * consecutive (bit-reversed) values of the round's first layer that fold into one; in every
 * round they also hold the group of each codeword entering at layer 0 or inside the round (the
 * caller checks one value per query of it against its own trace openings).
 * {@code finalPolynomial} holds the coefficients of the last layer.
 *
 * @param layerRoots roots of the trees of rounds 0, 1, ...
 * @param layerOpenings for each round's tree, the opened leaves of every query
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

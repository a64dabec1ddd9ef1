package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * FRI's part of a proof. Layer 0 (the committed polynomial itself) is not committed here: the
 * caller's trace openings determine it. Layers 1 .. L−1 are committed as pairs {f(x), f(−x)}
 * per leaf; {@code finalPolynomial} holds the coefficients of layer L.
 *
 * @param layerRoots roots of layers 1 .. L−1
 * @param layerOpenings for each committed layer, the opened pair leaves of every query
 * @param finalPolynomial coefficients (X^0 first) of the last layer's polynomial
 * @param powWitness the proof-of-work witness observed before the queries are drawn
 */
public record FriProof(
    List<Digest> layerRoots, List<MerkleBatchOpening> layerOpenings, Ext4[] finalPolynomial, int powWitness) {

  public FriProof {
    layerRoots = List.copyOf(layerRoots);
    layerOpenings = List.copyOf(layerOpenings);
    finalPolynomial = finalPolynomial.clone();
  }

  @Override
  public Ext4[] finalPolynomial() {
    return finalPolynomial.clone();
  }
}

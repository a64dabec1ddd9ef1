package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.InvalidOpeningException;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleVerifier;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.Arrays;

/**
 * The FRI verifier. {@link #replay} redraws the folding challenges and query positions exactly
 * as the prover did; {@link #verifyQueries} then checks, for each query, that folding the
 * caller-supplied layer-0 pair through every committed layer lands on the final polynomial.
 */
public final class FriVerifier {

  private final FriParameters params;
  private final MerkleVerifier merkle = new MerkleVerifier();

  public FriVerifier(FriParameters params) {
    this.params = params;
  }

  /** The folding challenges and the layer-0 query positions. */
  public record Challenges(Ext4[] betas, int[] positions) {}

  /** Checks the proof's shape, observes it as the prover did, and checks the proof of work. */
  public Challenges replay(Transcript transcript, FriProof proof, FriShape shape) throws FriVerificationException {
    int committed = Math.max(0, shape.folds() - 1);
    if (proof.layerRoots().size() != committed || proof.layerOpenings().size() != committed) {
      throw new FriVerificationException("FRI proof has " + proof.layerRoots().size() + " layer roots and "
          + proof.layerOpenings().size() + " layer openings, expected " + committed);
    }
    if (proof.finalPolynomial().length != shape.finalDegree()) {
      throw new FriVerificationException("FRI final polynomial has " + proof.finalPolynomial().length
          + " coefficients, expected " + shape.finalDegree());
    }
    Ext4[] betas = new Ext4[shape.folds()];
    for (int k = 0; k < shape.folds(); k++) {
      if (k > 0) {
        transcript.observe(proof.layerRoots().get(k - 1));
      }
      betas[k] = transcript.sampleExt();
    }
    for (Ext4 c : proof.finalPolynomial()) {
      transcript.observe(c);
    }
    if (!transcript.checkWitness(params.grindingBits(), proof.powWitness())) {
      throw new FriVerificationException("proof-of-work witness does not give " + params.grindingBits() + " zero bits");
    }
    int[] positions = new int[params.queries()];
    for (int q = 0; q < positions.length; q++) {
      positions[q] = transcript.sampleBits(shape.logSize());
    }
    return new Challenges(betas, positions);
  }

  /**
   * Checks every query. {@code layer0Pairs[q]} holds the layer-0 values at positions
   * {@code p & ~1} and {@code p | 1} for query position p = positions[q], computed by the caller
   * from its own opened (and verified) commitments.
   */
  public void verifyQueries(FriProof proof, FriShape shape, Challenges challenges, Ext4[][] layer0Pairs)
      throws FriVerificationException {
    int committed = proof.layerRoots().size();
    int[][][] layerRows = new int[committed][][];
    int[][] layerIndices = new int[committed][];
    for (int t = 0; t < committed; t++) {
      int layer = t + 1;
      MerkleBatchOpening opening = proof.layerOpenings().get(t);
      int[] expected = FriProver.pairIndices(challenges.positions(), layer);
      if (!Arrays.equals(opening.indices(), expected)) {
        throw new FriVerificationException("FRI layer " + layer + " opens leaves other than the queried ones");
      }
      try {
        merkle.verifyBatch(proof.layerRoots().get(t), new int[] {8}, shape.layerLogSize(layer) - 1, opening);
      } catch (InvalidOpeningException e) {
        throw new FriVerificationException("FRI layer " + layer + ": " + e.getMessage());
      }
      layerIndices[t] = expected;
      layerRows[t] = opening.rows().stream().map(r -> r.get(0)).toArray(int[][]::new);
    }
    Ext4[] finalPolynomial = proof.finalPolynomial();
    for (int q = 0; q < challenges.positions().length; q++) {
      int position = challenges.positions()[q];
      Ext4 value = shape.folds() == 0
          ? layer0Pairs[q][position & 1]
          : fold(shape, 0, position >>> 1, layer0Pairs[q][0], layer0Pairs[q][1], challenges.betas());
      for (int layer = 1; layer < shape.folds(); layer++) {
        int pos = position >>> layer;
        int[] row = layerRows[layer - 1][Arrays.binarySearch(layerIndices[layer - 1], pos >>> 1)];
        int half = (pos & 1) * 4;
        Ext4 claimed = new Ext4(row[half], row[half + 1], row[half + 2], row[half + 3]);
        if (!claimed.equals(value)) {
          throw new FriVerificationException("FRI query " + q + ": layer " + layer + " disagrees with the fold of layer "
              + (layer - 1));
        }
        value = fold(shape, layer, pos >>> 1, new Ext4(row[0], row[1], row[2], row[3]),
            new Ext4(row[4], row[5], row[6], row[7]), challenges.betas());
      }
      int x = shape.point(shape.folds(), position >>> shape.folds());
      if (!evaluate(finalPolynomial, x).equals(value)) {
        throw new FriVerificationException("FRI query " + q + " does not match the final polynomial");
      }
    }
  }

  /** g(x^2) = (f(x) + f(−x))/2 + β (f(x) − f(−x))/(2x) for the pair at index {@code pair} of {@code layer}. */
  private static Ext4 fold(FriShape shape, int layer, int pair, Ext4 fx, Ext4 fNegX, Ext4[] betas) {
    int x = shape.point(layer, 2 * pair);
    int inv2 = BabyBear.inv(2);
    Ext4 even = fx.add(fNegX).mul(inv2);
    Ext4 odd = fx.sub(fNegX).mul(BabyBear.inv(BabyBear.mul(2, x)));
    return even.add(betas[layer].mul(odd));
  }

  private static Ext4 evaluate(Ext4[] coefficients, int x) {
    Ext4 acc = Ext4.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients[i]);
    }
    return acc;
  }
}

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
 * caller-supplied layer-0 values through every committed layer lands on the final polynomial.
 */
public final class FriVerifier {

  private static final int INV_TWO = BabyBear.inv(2);

  private final FriParameters params;
  private final MerkleVerifier merkle = new MerkleVerifier();

  public FriVerifier(FriParameters params) {
    this.params = params;
  }

  /** The folding challenges and the layer-0 query positions. */
  public record Challenges(Ext4[] betas, int[] positions) {}

  /** Checks the proof's shape, observes it as the prover did, and checks the proof of work. */
  public Challenges replay(Transcript transcript, FriProof proof, FriShape shape) throws FriVerificationException {
    int committed = Math.max(0, shape.rounds() - 1);
    if (proof.layerRoots().size() != committed || proof.layerOpenings().size() != committed) {
      throw new FriVerificationException("FRI proof has " + proof.layerRoots().size() + " layer roots and "
          + proof.layerOpenings().size() + " layer openings, expected " + committed);
    }
    if (proof.finalPolynomial().length != shape.finalDegree()) {
      throw new FriVerificationException("FRI final polynomial has " + proof.finalPolynomial().length
          + " coefficients, expected " + shape.finalDegree());
    }
    if (proof.roundWitnesses().length != shape.rounds()) {
      throw new FriVerificationException("FRI proof has " + proof.roundWitnesses().length
          + " round witnesses, expected " + shape.rounds());
    }
    Ext4[] betas = new Ext4[shape.folds()];
    for (int r = 0; r < shape.rounds(); r++) {
      if (r > 0) {
        transcript.observe(proof.layerRoots().get(r - 1));
      }
      if (!transcript.checkWitness(params.challengeGrindingBits(), proof.roundWitnesses()[r])) {
        throw new FriVerificationException("FRI round " + r + " proof-of-work witness does not give "
            + params.challengeGrindingBits() + " zero bits");
      }
      for (int k = shape.roundStart(r); k < shape.roundStart(r) + shape.roundBits(r); k++) {
        betas[k] = transcript.sampleExt();
      }
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
   * Checks every query of a single codeword. {@code layer0Groups[q]} holds the layer-0 values of
   * the whole round-0 leaf of query position p = positions[q]: positions (p >> g) << g .. + 2^g − 1
   * with g = {@link FriShape#firstGroupBits()}, computed by the caller from its own opened (and
   * verified) commitments.
   */
  public void verifyQueries(FriProof proof, FriShape shape, Challenges challenges, Ext4[][] layer0Groups)
      throws FriVerificationException {
    Ext4[][][] entering = new Ext4[shape.folds() + 1][][];
    entering[0] = layer0Groups;
    verifyQueries(proof, shape, challenges, entering);
  }

  /**
   * Checks every query when codewords enter at several layers (see
   * {@link FriProver#commit(Transcript, int[][], FriShape)}). {@code entering[k]} is null where
   * nothing enters; otherwise {@code entering[k][q]} holds that codeword's values at the
   * 2^{@link FriShape#entryGroupBits(int)} aligned layer-k positions around p >> k, computed by
   * the caller from its own verified openings.
   */
  public void verifyQueries(FriProof proof, FriShape shape, Challenges challenges, Ext4[][][] entering)
      throws FriVerificationException {
    if (entering.length != shape.folds() + 1 || entering[0] == null) {
      throw new FriVerificationException("FRI needs a layer-0 codeword and one entry slot per layer");
    }
    int committed = proof.layerRoots().size();
    int[][][] leafValues = new int[committed][][];
    int[][] leafIndices = new int[committed][];
    for (int t = 0; t < committed; t++) {
      int round = t + 1;
      int bits = shape.roundBits(round);
      MerkleBatchOpening opening = proof.layerOpenings().get(t);
      int[] expected = FriProver.leafIndices(challenges.positions(), shape, round);
      if (!Arrays.equals(opening.indices(), expected)) {
        throw new FriVerificationException("FRI round " + round + " opens leaves other than the queried ones");
      }
      try {
        merkle.verifyBatch(proof.layerRoots().get(t), new int[] {4 << bits},
            shape.layerLogSize(shape.roundStart(round)) - bits, opening);
      } catch (InvalidOpeningException e) {
        throw new FriVerificationException("FRI round " + round + ": " + e.getMessage());
      }
      leafIndices[t] = expected;
      leafValues[t] = opening.rows().stream().map(r -> r.get(0)).toArray(int[][]::new);
    }
    for (int q = 0; q < challenges.positions().length; q++) {
      for (int k = 0; k < entering.length; k++) {
        if (entering[k] != null && entering[k][q].length != 1 << shape.entryGroupBits(k)) {
          throw new FriVerificationException("FRI query " + q + " got " + entering[k][q].length + " values entering layer "
              + k + ", needs " + (1 << shape.entryGroupBits(k)));
        }
      }
      int position = challenges.positions()[q];
      Ext4 value = entering[0][q][0];
      for (int round = 0; round < shape.rounds(); round++) {
        int start = shape.roundStart(round);
        int bits = shape.roundBits(round);
        int pos = position >>> start;
        Ext4[] current;
        if (round == 0) {
          current = entering[0][q];
        } else {
          int[] leaf = leafValues[round - 1][Arrays.binarySearch(leafIndices[round - 1], pos >>> bits)];
          current = new Ext4[1 << bits];
          for (int i = 0; i < current.length; i++) {
            current[i] = new Ext4(leaf[4 * i], leaf[4 * i + 1], leaf[4 * i + 2], leaf[4 * i + 3]);
          }
          if (!current[pos & ((1 << bits) - 1)].equals(value)) {
            throw new FriVerificationException("FRI query " + q + ": layer " + start
                + " disagrees with the folds of the previous round");
          }
        }
        for (int step = 0; step < bits; step++) {
          int layer = start + step;
          current = foldOnce(shape, layer, (pos >>> bits) * (current.length / 2), current, challenges.betas()[layer]);
          Ext4[][] enter = entering[layer + 1];
          if (enter != null) {
            Ext4 scale = challenges.betas()[layer].mul(challenges.betas()[layer]);
            for (int i = 0; i < current.length; i++) {
              current[i] = current[i].add(scale.mul(enter[q][i]));
            }
          }
        }
        value = current[0];
      }
      int x = shape.point(shape.folds(), position >>> shape.folds());
      if (!evaluate(proof.finalPolynomial(), x).equals(value)) {
        throw new FriVerificationException("FRI query " + q + " does not match the final polynomial");
      }
    }
  }

  /**
   * One arity-2 fold of consecutive layer-{@code layer} values whose first pair has index
   * {@code firstPair}: returns the half as many values of layer + 1.
   */
  private static Ext4[] foldOnce(FriShape shape, int layer, int firstPair, Ext4[] values, Ext4 beta) {
    Ext4[] next = new Ext4[values.length / 2];
    for (int i = 0; i < next.length; i++) {
      next[i] = fold(shape, layer, firstPair + i, values[2 * i], values[2 * i + 1], beta);
    }
    return next;
  }

  /** g(x^2) = (f(x) + f(−x))/2 + β (f(x) − f(−x))/(2x) for the pair at index {@code pair} of {@code layer}. */
  private static Ext4 fold(FriShape shape, int layer, int pair, Ext4 fx, Ext4 fNegX, Ext4 beta) {
    int x = shape.point(layer, 2 * pair);
    Ext4 even = fx.add(fNegX).mul(INV_TWO);
    Ext4 odd = fx.sub(fNegX).mul(BabyBear.inv(BabyBear.mul(2, x)));
    return even.add(beta.mul(odd));
  }

  private static Ext4 evaluate(Ext4[] coefficients, int x) {
    Ext4 acc = Ext4.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients[i]);
    }
    return acc;
  }
}

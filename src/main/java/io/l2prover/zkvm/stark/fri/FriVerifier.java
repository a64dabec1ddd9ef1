package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.InvalidOpeningException;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleVerifier;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FRI verifier. {@link #replay} redraws the folding challenges and query positions exactly
 * as the prover did; {@link #verifyQueries} then checks, for each query, that the caller-supplied
 * entering values agree with their committed codewords and that folding through every committed
 * layer lands on the final polynomial.
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
    if (proof.layerRoots().size() != shape.rounds() || proof.layerOpenings().size() != shape.rounds()) {
      throw new FriVerificationException("FRI proof has " + proof.layerRoots().size() + " layer roots and "
          + proof.layerOpenings().size() + " layer openings, expected " + shape.rounds());
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
      transcript.observe(proof.layerRoots().get(r));
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
   * Checks every query of a single codeword entering at layer 0: {@code layer0[q]} is its value at
   * query position positions[q], computed by the caller from its own verified openings.
   */
  public void verifyQueries(FriProof proof, FriShape shape, Challenges challenges, Ext4[] layer0)
      throws FriVerificationException {
    Ext4[][] entering = new Ext4[shape.folds() + 1][];
    entering[0] = layer0;
    verifyQueries(proof, shape, challenges, entering);
  }

  /**
   * Checks every query when codewords enter at several layers (see
   * {@link FriProver#commit(Transcript, int[][], FriShape)}). {@code entering[k]} is null where
   * nothing enters; otherwise {@code entering[k][q]} is that codeword's value at layer-k position
   * p >> k (p = positions[q]), computed by the caller from its own verified openings. Where a
   * round's tree commits the codeword (a query needs a group of its values), that value must
   * equal the committed one, and the rest of the group comes from the leaf.
   */
  public void verifyQueries(FriProof proof, FriShape shape, Challenges challenges, Ext4[][] entering)
      throws FriVerificationException {
    int queries = challenges.positions().length;
    if (entering.length != shape.folds() + 1 || entering[0] == null) {
      throw new FriVerificationException("FRI needs a layer-0 codeword and one entry slot per layer");
    }
    for (int k = 0; k < entering.length; k++) {
      if (entering[k] != null && entering[k].length != queries) {
        throw new FriVerificationException("FRI got " + entering[k].length + " values entering layer " + k + " for "
            + queries + " queries");
      }
    }
    int[][] leafIndices = new int[shape.rounds()][];
    List<List<List<int[]>>> leaves = new ArrayList<>();
    for (int r = 0; r < shape.rounds(); r++) {
      leafIndices[r] = FriProver.leafIndices(challenges.positions(), shape, r);
      leaves.add(openedLeaves(proof, shape, r, leafIndices[r], entering));
    }
    for (int q = 0; q < queries; q++) {
      int position = challenges.positions()[q];
      Ext4 value = entering[0][q];
      for (int round = 0; round < shape.rounds(); round++) {
        int start = shape.roundStart(round);
        int bits = shape.roundBits(round);
        int pos = position >>> start;
        List<int[]> leaf = leaves.get(round).get(Arrays.binarySearch(leafIndices[round], pos >>> bits));
        int matrix = 0;
        Ext4[] current = null;
        if (round > 0) {
          current = exts(leaf.get(matrix++));
          if (!current[pos & ((1 << bits) - 1)].equals(value)) {
            throw new FriVerificationException("FRI query " + q + ": layer " + start
                + " disagrees with the folds of the previous round");
          }
        }
        Ext4[][] groups = new Ext4[bits][];
        for (int k : FriProver.committedEntries(shape, round, entering)) {
          Ext4[] group = exts(leaf.get(matrix++));
          int row = position >>> k;
          if (!group[row & ((1 << shape.entryGroupBits(k)) - 1)].equals(entering[k][q])) {
            throw new FriVerificationException("FRI query " + q + ": the committed codeword entering layer " + k
                + " disagrees with the value computed from the trace openings");
          }
          groups[k - start] = group;
        }
        if (round == 0) {
          current = groups[0];
        }
        for (int step = 0; step < bits; step++) {
          int layer = start + step;
          current = foldOnce(shape, layer, (pos >>> bits) * (current.length / 2), current, challenges.betas()[layer]);
          if (entering[layer + 1] != null) {
            Ext4[] enter = step + 1 < bits ? groups[step + 1] : new Ext4[] {entering[layer + 1][q]};
            Ext4 scale = challenges.betas()[layer].mul(challenges.betas()[layer]);
            for (int i = 0; i < current.length; i++) {
              current[i] = current[i].add(scale.mul(enter[i]));
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
   * Verifies round {@code round}'s opening (exactly the queried leaves, under its root; matrices:
   * the round's layer from round 1 on, then each committed entering codeword); returns per leaf
   * its rows.
   */
  private List<List<int[]>> openedLeaves(FriProof proof, FriShape shape, int round, int[] expected,
      Ext4[][] entering) throws FriVerificationException {
    int bits = shape.roundBits(round);
    List<Integer> widths = new ArrayList<>();
    if (round > 0) {
      widths.add(4 << bits);
    }
    for (int k : FriProver.committedEntries(shape, round, entering)) {
      widths.add(4 << shape.entryGroupBits(k));
    }
    MerkleBatchOpening opening = proof.layerOpenings().get(round);
    if (!Arrays.equals(opening.indices(), expected)) {
      throw new FriVerificationException("FRI round " + round + " opens leaves other than the queried ones");
    }
    try {
      merkle.verifyBatch(proof.layerRoots().get(round), widths.stream().mapToInt(Integer::intValue).toArray(),
          shape.layerLogSize(shape.roundStart(round)) - bits, opening);
    } catch (InvalidOpeningException e) {
      throw new FriVerificationException("FRI round " + round + ": " + e.getMessage());
    }
    return opening.rows();
  }

  private static Ext4[] exts(int[] leaf) {
    Ext4[] out = new Ext4[leaf.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Ext4(leaf[4 * i], leaf[4 * i + 1], leaf[4 * i + 2], leaf[4 * i + 3]);
    }
    return out;
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

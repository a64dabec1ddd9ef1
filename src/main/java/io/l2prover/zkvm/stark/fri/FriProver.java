package io.l2prover.zkvm.stark.fri;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The FRI prover, in the two phases the STARK interleaves with its own openings: commit (each
 * round commits its layer, layer 0 being the entering codeword, together with the codewords
 * entering inside the round, then folds it with a fresh challenge per arity-2 fold; the final
 * polynomial is sent), then queries (grind, draw positions, open every round's tree there).
 */
public final class FriProver {

  private final ComputeBackend backend;
  private final FriParameters params;

  public FriProver(ComputeBackend backend, FriParameters params) {
    this.backend = backend;
    this.params = params;
  }

  /**
   * Commit phase on {@code codeword}: 2^shape.logSize() extension values, 4 ints each, of a
   * polynomial of degree below 2^shape.logDegree() on the layer-0 coset in bit-reversed order.
   */
  public Committed commit(Transcript transcript, int[] codeword, FriShape shape) {
    int[][] entering = new int[shape.folds() + 1][];
    entering[0] = codeword;
    return commit(transcript, entering, shape);
  }

  /**
   * Commit phase over codewords of several sizes: {@code entering[k]} (null for none) holds
   * 2^layerLogSize(k) extension values of a polynomial of degree below 2^(logDegree − k), on
   * layer k's coset in bit-reversed order; {@code entering[0]} starts layer 0. Each later layer is
   * L_{k+1} = fold(L_k, β_k) + β_k² · entering[k+1], so shorter tables' DEEP combinations join the
   * fold where the sizes match (as in Plonky3's mixed-height FRI). Each round commits one tree
   * (its layer from round 1 on, and every codeword entering at layer 0 or inside the round, whose
   * query needs a group of values: see {@link #committedEntries}), so the caller answers a query
   * with one value per entering codeword; then it grinds {@code challengeGrindingBits} and draws
   * the round's folding challenges.
   */
  public Committed commit(Transcript transcript, int[][] entering, FriShape shape) {
    if (entering.length != shape.folds() + 1 || entering[0] == null) {
      throw new IllegalArgumentException("FRI needs one entry slot per layer (" + (shape.folds() + 1)
          + ") and a layer-0 codeword");
    }
    List<MerkleTree> trees = new ArrayList<>();
    int[] witnesses = new int[shape.rounds()];
    int[] current = entering[0];
    for (int r = 0; r < shape.rounds(); r++) {
      int start = shape.roundStart(r);
      int bits = shape.roundBits(r);
      // A leaf holds the 2^bits consecutive (bit-reversed) values of layer `start` this round folds
      // into one (from round 1 on), then each codeword entering inside the round, grouped alike.
      List<int[]> matrices = new ArrayList<>();
      List<Integer> widths = new ArrayList<>();
      if (r > 0) {
        matrices.add(current);
        widths.add(4 << bits);
      }
      for (int k : committedEntries(shape, r, entering)) {
        matrices.add(entering[k]);
        widths.add(4 << shape.entryGroupBits(k));
      }
      MerkleTree tree = MerkleTree.commit(backend, matrices.toArray(int[][]::new),
          widths.stream().mapToInt(Integer::intValue).toArray(), 1 << (shape.layerLogSize(start) - bits));
      transcript.observe(tree.root());
      trees.add(tree);
      witnesses[r] = transcript.grind(params.challengeGrindingBits());
      for (int k = start; k < start + bits; k++) {
        Ext4 beta = transcript.sampleExt();
        current = backend.foldFri(current, shape.layerLogSize(k), shape.layerShift(k), beta.toArray());
        if (entering[k + 1] != null) {
          addScaled(current, entering[k + 1], beta.mul(beta), shape.layerLogSize(k + 1));
        }
      }
    }
    Ext4[] finalPolynomial = interpolate(current, shape);
    for (Ext4 c : finalPolynomial) {
      transcript.observe(c);
    }
    return new Committed(shape, trees, finalPolynomial, witnesses);
  }

  /**
   * The layers of round {@code round}, increasing, whose entering codeword its tree commits: where
   * something enters ({@code entering[k]} not null) and a query needs a group of values there
   * ({@link FriShape#entryGroupBits(int)} > 0: layer 0, and layers strictly inside the round).
   */
  static int[] committedEntries(FriShape shape, int round, Object[] entering) {
    int start = shape.roundStart(round);
    return IntStream.range(start, start + shape.roundBits(round))
        .filter(k -> entering[k] != null && shape.entryGroupBits(k) > 0).toArray();
  }

  /** layer += scale · codeword, pointwise over 2^logSize extension values. */
  private static void addScaled(int[] layer, int[] codeword, Ext4 scale, int logSize) {
    if (codeword.length != 4 << logSize) {
      throw new IllegalArgumentException("codeword entering a layer of 2^" + logSize + " points has "
          + codeword.length / 4 + " values");
    }
    int[] s = scale.toArray();
    int[] t = new int[4];
    for (int i = 0; i < 1 << logSize; i++) {
      Ext4.mulInto(codeword, 4 * i, s, 0, t, 0);
      for (int k = 0; k < 4; k++) {
        layer[4 * i + k] = BabyBear.add(layer[4 * i + k], t[k]);
      }
    }
  }

  /**
   * Coefficients of the last layer's polynomial, truncated to the degree bound (an honest
   * prover's higher coefficients are zero; a cheating prover's truncation is caught by queries).
   */
  private static Ext4[] interpolate(int[] layer, FriShape shape) {
    int log = shape.layerLogSize(shape.folds());
    int size = 1 << log;
    int[] m = layer.clone();
    Ntt.sequential().inverseFromBitReversed(m, 4, size);
    int shiftInv = BabyBear.inv(shape.layerShift(shape.folds()));
    Ext4[] out = new Ext4[shape.finalDegree()];
    int scale = 1;
    for (int j = 0; j < out.length; j++) {
      out[j] = new Ext4(m[4 * j], m[4 * j + 1], m[4 * j + 2], m[4 * j + 3]).mul(scale);
      scale = BabyBear.mul(scale, shiftInv);
    }
    return out;
  }

  /** The committed layers, kept to answer the queries. */
  public final class Committed {
    private final FriShape shape;
    private final List<MerkleTree> trees;
    private final Ext4[] finalPolynomial;
    private final int[] roundWitnesses;

    private Committed(FriShape shape, List<MerkleTree> trees, Ext4[] finalPolynomial, int[] roundWitnesses) {
      this.shape = shape;
      this.trees = trees;
      this.finalPolynomial = finalPolynomial;
      this.roundWitnesses = roundWitnesses;
    }

    /** Grinds, then draws the query positions in layer 0 (bit-reversed indices). */
    public Queries drawQueries(Transcript transcript) {
      int witness = transcript.grind(params.grindingBits());
      int[] positions = new int[params.queries()];
      for (int q = 0; q < positions.length; q++) {
        positions[q] = transcript.sampleBits(shape.logSize());
      }
      return new Queries(witness, positions);
    }

    /** The proof: every round's tree opened at the leaves the queries reach. */
    public FriProof prove(Queries queries) {
      List<Digest> roots = new ArrayList<>();
      List<MerkleBatchOpening> openings = new ArrayList<>();
      for (int r = 0; r < trees.size(); r++) {
        roots.add(trees.get(r).root());
        openings.add(trees.get(r).openBatch(leafIndices(queries.positions(), shape, r)));
      }
      return new FriProof(roots, openings, finalPolynomial, roundWitnesses, queries.powWitness());
    }
  }

  /** The distinct leaf indices of round {@code round}'s committed layer that the query positions reach, sorted. */
  static int[] leafIndices(int[] positions, FriShape shape, int round) {
    int shift = shape.roundStart(round) + shape.roundBits(round);
    TreeSet<Integer> set = new TreeSet<>();
    for (int p : positions) {
      set.add(p >>> shift);
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The proof-of-work witness and the layer-0 positions it led to. */
  public record Queries(int powWitness, int[] positions) {}
}

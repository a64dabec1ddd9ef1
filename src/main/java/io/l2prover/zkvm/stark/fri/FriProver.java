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

/**
 * The FRI prover, in the two phases the STARK interleaves with its own openings: commit (fold
 * with transcript challenges, commit each layer, send the final polynomial), then queries
 * (grind, draw positions, open every layer there).
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
   * The codeword itself is taken as already bound to the transcript (the caller commits it).
   */
  public Committed commit(Transcript transcript, int[] codeword, FriShape shape) {
    List<MerkleTree> trees = new ArrayList<>();
    int[] current = codeword;
    for (int k = 0; k < shape.folds(); k++) {
      if (k > 0) {
        int pairs = 1 << (shape.layerLogSize(k) - 1);
        MerkleTree tree = MerkleTree.commit(backend, new int[][] {current}, new int[] {8}, pairs);
        transcript.observe(tree.root());
        trees.add(tree);
      }
      Ext4 beta = transcript.sampleExt();
      current = backend.foldFri(current, shape.layerLogSize(k), shape.layerShift(k), beta.toArray());
    }
    Ext4[] finalPolynomial = interpolate(current, shape);
    for (Ext4 c : finalPolynomial) {
      transcript.observe(c);
    }
    return new Committed(shape, trees, finalPolynomial);
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

    private Committed(FriShape shape, List<MerkleTree> trees, Ext4[] finalPolynomial) {
      this.shape = shape;
      this.trees = trees;
      this.finalPolynomial = finalPolynomial;
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

    /** The proof: every committed layer opened at the pairs the queries reach. */
    public FriProof prove(Queries queries) {
      List<Digest> roots = new ArrayList<>();
      List<MerkleBatchOpening> openings = new ArrayList<>();
      for (int t = 0; t < trees.size(); t++) {
        int layer = t + 1;
        roots.add(trees.get(t).root());
        openings.add(trees.get(t).openBatch(pairIndices(queries.positions(), layer)));
      }
      return new FriProof(roots, openings, finalPolynomial, queries.powWitness());
    }
  }

  /** The distinct leaf (pair) indices of layer {@code layer} that the query positions reach, sorted. */
  static int[] pairIndices(int[] positions, int layer) {
    TreeSet<Integer> set = new TreeSet<>();
    for (int p : positions) {
      set.add(p >>> (layer + 1));
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The proof-of-work witness and the layer-0 positions it led to. */
  public record Queries(int powWitness, int[] positions) {}
}

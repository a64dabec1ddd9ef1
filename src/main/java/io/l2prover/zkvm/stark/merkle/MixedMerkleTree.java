package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One Merkle commitment to row-major matrices of different power-of-two heights (the tables of a
 * proof, for one phase). With 2^L the tallest height, the leaves are the Poseidon2 sponge of the
 * tallest matrices' rows; level ℓ node i is {@code compress(left, right)}, and where matrices of
 * height 2^(L−ℓ) exist, {@code compress(that, sponge of their rows i)}: each shorter matrix's row
 * r is hashed in at the node above the tall leaves whose index shifted by ℓ is r. So one path
 * per tall leaf index opens one row of every matrix.
 */
public final class MixedMerkleTree {

  private final int[][] matrices;
  private final int[] widths;
  private final int[] logHeights;
  private final int logHeight;
  private final int[][] layers;

  private MixedMerkleTree(int[][] matrices, int[] widths, int[] logHeights, int logHeight, int[][] layers) {
    this.matrices = matrices;
    this.widths = widths;
    this.logHeights = logHeights;
    this.logHeight = logHeight;
    this.layers = layers;
  }

  /**
   * Commits to {@code matrices} ({@code widths[k]} columns, 2^logHeights[k] rows each). The
   * matrices are kept by reference: do not modify them after.
   */
  public static MixedMerkleTree commit(ComputeBackend backend, int[][] matrices, int[] widths, int[] logHeights) {
    if (matrices.length == 0 || matrices.length != widths.length || matrices.length != logHeights.length) {
      throw new IllegalArgumentException("need at least one matrix and one width and height per matrix");
    }
    int top = Arrays.stream(logHeights).max().orElseThrow();
    for (int k = 0; k < matrices.length; k++) {
      if (logHeights[k] < 0 || logHeights[k] > 30 || (long) widths[k] << logHeights[k] != matrices[k].length) {
        throw new IllegalArgumentException("matrix " + k + " has " + matrices[k].length + " elements, expected "
            + widths[k] + " x 2^" + logHeights[k]);
      }
    }
    int[][] layers = new int[top + 1][];
    for (int level = 0; level <= top; level++) {
      int[] nodes = level == 0 ? null : backend.compressPairs(layers[level - 1]);
      Group group = group(matrices, widths, logHeights, top - level);
      if (group != null) {
        int[] rows = backend.hashLeaves(group.matrices(), group.widths(), 1 << (top - level));
        nodes = nodes == null ? rows : backend.compressPairs(interleave(nodes, rows));
      }
      layers[level] = nodes;
    }
    return new MixedMerkleTree(matrices.clone(), widths.clone(), logHeights.clone(), top, layers);
  }

  /** The matrices of one height, in the given order; null when none has that height. */
  record Group(int[][] matrices, int[] widths, int[] indices) {}

  static Group group(int[][] matrices, int[] widths, int[] logHeights, int logHeight) {
    int[] indices = IntStream.range(0, logHeights.length).filter(k -> logHeights[k] == logHeight)
        .toArray();
    if (indices.length == 0) {
      return null;
    }
    int[][] m = new int[indices.length][];
    int[] w = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      m[i] = matrices == null ? null : matrices[indices[i]];
      w[i] = widths[indices[i]];
    }
    return new Group(m, w, indices);
  }

  /** a0, b0, a1, b1, ...: digests paired for one compression each. */
  private static int[] interleave(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    for (int i = 0; i < a.length / Digest.ELEMENTS; i++) {
      System.arraycopy(a, i * Digest.ELEMENTS, out, 2 * i * Digest.ELEMENTS, Digest.ELEMENTS);
      System.arraycopy(b, i * Digest.ELEMENTS, out, (2 * i + 1) * Digest.ELEMENTS, Digest.ELEMENTS);
    }
    return out;
  }

  public Digest root() {
    return Digest.of(layers[logHeight], 0);
  }

  /** log2 of the tallest matrix's height: the tall leaf indices are below 2^logHeight. */
  public int logHeight() {
    return logHeight;
  }

  /**
   * The rows of matrix {@code matrix} that the tall leaves {@code leaves} reach (index >> the
   * matrix's level), distinct and increasing.
   */
  public int[][] rows(int matrix, int[] leaves) {
    int shift = logHeight - logHeights[matrix];
    int w = widths[matrix];
    return shiftedDistinct(leaves, shift).stream()
        .map(r -> Arrays.copyOfRange(matrices[matrix], r * w, r * w + w)).toArray(int[][]::new);
  }

  /**
   * The sibling digests the paths of {@code leaves} need, layer by layer from the leaves up and
   * by increasing index: for each known node whose sibling is not itself known.
   */
  public List<Digest> siblings(int[] leaves) {
    TreeSet<Integer> known = shiftedDistinct(leaves, 0);
    List<Digest> out = new ArrayList<>();
    for (int level = 0; level < logHeight; level++) {
      TreeSet<Integer> parents = new TreeSet<>();
      for (int i : known) {
        if (!known.contains(i ^ 1)) {
          out.add(Digest.of(layers[level], (i ^ 1) * Digest.ELEMENTS));
        }
        parents.add(i >>> 1);
      }
      known = parents;
    }
    return out;
  }

  static TreeSet<Integer> shiftedDistinct(int[] leaves, int shift) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int i : leaves) {
      out.add(i >>> shift);
    }
    return out;
  }
}

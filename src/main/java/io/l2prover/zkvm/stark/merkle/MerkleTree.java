package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A Merkle commitment to one or more row-major matrices of the same power-of-two height: leaf i
 * is the Poseidon2 sponge of row i of every matrix in order, nodes are 2-to-1 Poseidon2
 * compressions. The prover keeps the matrices and all layers to answer openings.
 */
public final class MerkleTree {

  private final int[][] matrices;
  private final int[] widths;
  private final int height;
  private final int logHeight;
  private final int[][] layers;
  private final Digest root;

  private MerkleTree(int[][] matrices, int[] widths, int height, int[][] layers) {
    this.matrices = matrices;
    this.widths = widths;
    this.height = height;
    this.logHeight = Integer.numberOfTrailingZeros(height);
    this.layers = layers;
    this.root = Digest.of(layers[layers.length - 1], 0);
  }

  /**
   * Commits to {@code matrices} (row-major, {@code widths[k]} columns each, all {@code height}
   * rows, height a power of two). The matrices are kept by reference: do not modify them after.
   */
  public static MerkleTree commit(ComputeBackend backend, int[][] matrices, int[] widths, int height) {
    if (matrices.length == 0 || matrices.length != widths.length) {
      throw new IllegalArgumentException("need at least one matrix and one width per matrix, got "
          + matrices.length + " matrices and " + widths.length + " widths");
    }
    if (height <= 0 || Integer.bitCount(height) != 1) {
      throw new IllegalArgumentException("Merkle tree height must be a power of two, got " + height);
    }
    for (int k = 0; k < matrices.length; k++) {
      if (widths[k] < 0 || (long) widths[k] * height != matrices[k].length) {
        throw new IllegalArgumentException("matrix " + k + " has " + matrices[k].length
            + " elements, expected " + widths[k] + " x " + height);
      }
    }
    int[] leaves = backend.hashLeaves(matrices, widths, height);
    int[][] layers = backend.merkleLayers(leaves, Integer.numberOfTrailingZeros(height));
    return new MerkleTree(matrices.clone(), widths.clone(), height, layers);
  }

  public Digest root() {
    return root;
  }

  public int height() {
    return height;
  }

  public int logHeight() {
    return logHeight;
  }

  public int[] widths() {
    return widths.clone();
  }

  /** Row {@code index} of matrix {@code matrix}, copied. */
  public int[] row(int matrix, int index) {
    checkIndex(index);
    int w = widths[matrix];
    return Arrays.copyOfRange(matrices[matrix], index * w, index * w + w);
  }

  /** Digest of node {@code index} in layer {@code layer} (0 = leaves). */
  public Digest node(int layer, int index) {
    return Digest.of(layers[layer], index * Digest.ELEMENTS);
  }

  public MerkleOpening open(int index) {
    checkIndex(index);
    List<Digest> siblings = new ArrayList<>(logHeight);
    int i = index;
    for (int layer = 0; layer < logHeight; layer++) {
      siblings.add(node(layer, i ^ 1));
      i >>>= 1;
    }
    return new MerkleOpening(index, rowsAt(index), siblings);
  }

  /** Opens several leaves (any order, duplicates allowed) with shared siblings sent once. */
  public MerkleBatchOpening openBatch(int[] indices) {
    TreeSet<Integer> known = new TreeSet<>();
    for (int index : indices) {
      checkIndex(index);
      known.add(index);
    }
    int[] sorted = known.stream().mapToInt(Integer::intValue).toArray();
    List<List<int[]>> rows = new ArrayList<>(sorted.length);
    for (int index : sorted) {
      rows.add(rowsAt(index));
    }
    List<Digest> siblings = new ArrayList<>();
    for (int layer = 0; layer < logHeight; layer++) {
      TreeSet<Integer> parents = new TreeSet<>();
      for (int i : known) {
        if (!known.contains(i ^ 1)) {
          siblings.add(node(layer, i ^ 1));
        }
        parents.add(i >>> 1);
      }
      known = parents;
    }
    return new MerkleBatchOpening(sorted, rows, siblings);
  }

  private List<int[]> rowsAt(int index) {
    List<int[]> rows = new ArrayList<>(matrices.length);
    for (int k = 0; k < matrices.length; k++) {
      rows.add(row(k, index));
    }
    return rows;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= height) {
      throw new IndexOutOfBoundsException("leaf index " + index + " outside tree of " + height + " leaves");
    }
  }
}

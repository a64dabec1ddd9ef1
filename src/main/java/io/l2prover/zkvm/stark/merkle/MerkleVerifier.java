package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks {@link MerkleOpening}s and {@link MerkleBatchOpening}s against a root, for a tree whose
 * shape (matrix widths, log height) the verifier knows independently of the proof.
 */
public final class MerkleVerifier {

  private final Poseidon2Hash hash;

  public MerkleVerifier() {
    this(Poseidon2Hash.babyBear());
  }

  public MerkleVerifier(Poseidon2Hash hash) {
    this.hash = hash;
  }

  /** Throws {@link InvalidOpeningException} unless {@code opening} proves its rows under {@code root}. */
  public void verify(Digest root, int[] widths, int logHeight, MerkleOpening opening) {
    checkIndex(opening.index(), logHeight);
    if (opening.siblings().size() != logHeight) {
      throw new InvalidOpeningException("Merkle path has " + opening.siblings().size()
          + " siblings, tree of height 2^" + logHeight + " needs " + logHeight);
    }
    Digest node = leaf(widths, opening.rows(), opening.index());
    int i = opening.index();
    for (Digest sibling : opening.siblings()) {
      node = (i & 1) == 0 ? hash.compress(node, sibling) : hash.compress(sibling, node);
      i >>>= 1;
    }
    if (!node.equals(root)) {
      throw new InvalidOpeningException("Merkle path for leaf " + opening.index() + " does not reach the committed root");
    }
  }

  /** Throws {@link InvalidOpeningException} unless every opened leaf is proven under {@code root}. */
  public void verifyBatch(Digest root, int[] widths, int logHeight, MerkleBatchOpening opening) {
    int[] indices = opening.indices();
    if (indices.length == 0) {
      throw new InvalidOpeningException("batch opening opens no leaf");
    }
    if (opening.rows().size() != indices.length) {
      throw new InvalidOpeningException("batch opening has " + opening.rows().size() + " rows for "
          + indices.length + " indices");
    }
    TreeMap<Integer, Digest> known = new TreeMap<>();
    for (int q = 0; q < indices.length; q++) {
      checkIndex(indices[q], logHeight);
      if (q > 0 && indices[q] <= indices[q - 1]) {
        throw new InvalidOpeningException("batch opening indices are not strictly increasing at position " + q);
      }
      known.put(indices[q], leaf(widths, opening.rows().get(q), indices[q]));
    }
    Iterator<Digest> siblings = opening.siblings().iterator();
    for (int layer = 0; layer < logHeight; layer++) {
      climb(known, siblings, layer);
    }
    if (siblings.hasNext()) {
      throw new InvalidOpeningException("batch opening has more siblings than its leaves need");
    }
    if (!known.get(0).equals(root)) {
      throw new InvalidOpeningException("batch opening of " + indices.length + " leaves does not reach the committed root");
    }
  }

  /**
   * Throws {@link InvalidOpeningException} unless {@code rows} and {@code siblings} prove, under
   * {@code root} of a {@link MixedMerkleTree} of matrices with these widths and log heights, the
   * rows that the tall leaves {@code leaves} reach: {@code rows.get(k)} holds matrix k's rows at
   * the distinct indices leaf >> (tallest log height − logHeights[k]), increasing.
   */
  public void verifyMixed(Digest root, int[] widths, int[] logHeights, int[] leaves, List<int[][]> rows,
      List<Digest> siblings) {
    if (widths.length == 0 || widths.length != logHeights.length || rows.size() != widths.length) {
      throw new InvalidOpeningException("mixed opening has " + rows.size() + " matrices, the commitment has "
          + widths.length);
    }
    int top = Arrays.stream(logHeights).max().orElseThrow();
    if (leaves.length == 0) {
      throw new InvalidOpeningException("mixed opening opens no leaf");
    }
    for (int leaf : leaves) {
      checkIndex(leaf, top);
    }
    for (int k = 0; k < widths.length; k++) {
      int expected = MixedMerkleTree.shiftedDistinct(leaves, top - logHeights[k]).size();
      if (rows.get(k).length != expected) {
        throw new InvalidOpeningException("mixed opening has " + rows.get(k).length + " rows of matrix " + k
            + ", the queried leaves reach " + expected);
      }
    }
    TreeMap<Integer, Digest> known = new TreeMap<>();
    MixedMerkleTree.shiftedDistinct(leaves, 0).forEach(i -> known.put(i, null));
    Iterator<Digest> next = siblings.iterator();
    for (int level = 0; level <= top; level++) {
      if (level > 0) {
        climb(known, next, level - 1);
      }
      MixedMerkleTree.Group group = MixedMerkleTree.group(null, widths, logHeights, top - level);
      if (group == null) {
        continue;
      }
      int[] hashed = leaves(group.widths(), group.indices(), rows, known.keySet().stream().mapToInt(i -> i).toArray());
      int j = 0;
      for (var e : known.entrySet()) {
        Digest leaf = Digest.of(Arrays.copyOfRange(hashed, j * Digest.ELEMENTS, (j + 1) * Digest.ELEMENTS));
        e.setValue(e.getValue() == null ? leaf : hash.compress(e.getValue(), leaf));
        j++;
      }
    }
    if (next.hasNext()) {
      throw new InvalidOpeningException("mixed opening has more siblings than its leaves need");
    }
    if (!known.get(0).equals(root)) {
      throw new InvalidOpeningException("mixed opening of " + leaves.length + " leaves does not reach the committed root");
    }
  }

  /** Replaces the known nodes of one layer by their parents, taking the missing siblings in order. */
  private void climb(TreeMap<Integer, Digest> known, Iterator<Digest> siblings, int layer) {
    TreeMap<Integer, Digest> parents = new TreeMap<>();
    for (var e : known.entrySet()) {
      int i = e.getKey();
      if ((i & 1) == 1 && known.containsKey(i ^ 1)) {
        continue; // already combined with its left sibling
      }
      Digest sibling = known.get(i ^ 1);
      if (sibling == null) {
        if (!siblings.hasNext()) {
          throw new InvalidOpeningException("opening runs out of siblings at layer " + layer);
        }
        sibling = siblings.next();
      }
      parents.put(i >>> 1, (i & 1) == 0 ? hash.compress(e.getValue(), sibling) : hash.compress(sibling, e.getValue()));
    }
    known.clear();
    known.putAll(parents);
  }

  private Digest leaf(int[] widths, List<int[]> rows, int index) {
    if (rows.size() != widths.length) {
      throw new InvalidOpeningException("leaf " + index + " opens " + rows.size() + " matrices, commitment has " + widths.length);
    }
    int[][] m = new int[widths.length][];
    for (int k = 0; k < widths.length; k++) {
      m[k] = checkedRow(rows.get(k), widths[k], k, index);
    }
    int[] out = new int[Digest.ELEMENTS];
    hash.hashRow(m, widths, 0, out, 0);
    return Digest.of(out);
  }

  /**
   * The leaf digests (8 values each, in {@code leafIndices} order) of the opened rows of the
   * matrices {@code matrices} (widths {@code widths}), row j of each the one of leaf j: hashed side
   * by side in the batched kernel, as the prover hashed them, which makes a wide table's openings
   * several times cheaper to check than one leaf at a time.
   */
  private int[] leaves(int[] widths, int[] matrices, List<int[][]> rows, int[] leafIndices) {
    int count = leafIndices.length;
    int[][] stacked = new int[matrices.length][];
    for (int g = 0; g < matrices.length; g++) {
      int width = widths[g];
      int[][] opened = rows.get(matrices[g]);
      stacked[g] = new int[count * width];
      for (int j = 0; j < count; j++) {
        System.arraycopy(checkedRow(opened[j], width, g, leafIndices[j]), 0, stacked[g], j * width, width);
      }
    }
    int[] out = new int[count * Digest.ELEMENTS];
    hash.hashRows(stacked, widths, 0, count, out, 0);
    return out;
  }

  /** {@code row} when it has {@code width} canonical values; the opening is refused otherwise. */
  private static int[] checkedRow(int[] row, int width, int matrix, int index) {
    if (row.length != width) {
      throw new InvalidOpeningException("leaf " + index + " row of matrix " + matrix + " has " + row.length
          + " values, expected " + width);
    }
    for (int v : row) {
      if (v < 0 || v >= BabyBear.P) {
        throw new InvalidOpeningException("leaf " + index + " holds a non-canonical value " + Integer.toUnsignedString(v));
      }
    }
    return row;
  }

  private static void checkIndex(int index, int logHeight) {
    if (logHeight < 0 || logHeight > 30 || index < 0 || index >= (1 << logHeight)) {
      throw new InvalidOpeningException("leaf index " + index + " outside a tree of 2^" + logHeight + " leaves");
    }
  }
}

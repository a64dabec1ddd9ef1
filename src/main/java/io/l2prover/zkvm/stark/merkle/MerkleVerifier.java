package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
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
      TreeMap<Integer, Digest> parents = new TreeMap<>();
      for (var e : known.entrySet()) {
        int i = e.getKey();
        if ((i & 1) == 1 && known.containsKey(i ^ 1)) {
          continue; // already combined with its left sibling
        }
        Digest sibling = known.get(i ^ 1);
        if (sibling == null) {
          if (!siblings.hasNext()) {
            throw new InvalidOpeningException("batch opening runs out of siblings at layer " + layer);
          }
          sibling = siblings.next();
        }
        Digest parent = (i & 1) == 0 ? hash.compress(e.getValue(), sibling) : hash.compress(sibling, e.getValue());
        parents.put(i >>> 1, parent);
      }
      known = parents;
    }
    if (siblings.hasNext()) {
      throw new InvalidOpeningException("batch opening has more siblings than its leaves need");
    }
    if (!known.get(0).equals(root)) {
      throw new InvalidOpeningException("batch opening of " + indices.length + " leaves does not reach the committed root");
    }
  }

  private Digest leaf(int[] widths, List<int[]> rows, int index) {
    if (rows.size() != widths.length) {
      throw new InvalidOpeningException("leaf " + index + " opens " + rows.size() + " matrices, commitment has " + widths.length);
    }
    int[][] m = new int[widths.length][];
    for (int k = 0; k < widths.length; k++) {
      int[] row = rows.get(k);
      if (row.length != widths[k]) {
        throw new InvalidOpeningException("leaf " + index + " row of matrix " + k + " has " + row.length
            + " values, expected " + widths[k]);
      }
      for (int v : row) {
        if (v < 0 || v >= BabyBear.P) {
          throw new InvalidOpeningException("leaf " + index + " holds a non-canonical value " + Integer.toUnsignedString(v));
        }
      }
      m[k] = row;
    }
    int[] out = new int[Digest.ELEMENTS];
    hash.hashRow(m, widths, 0, out, 0);
    return Digest.of(out);
  }

  private static void checkIndex(int index, int logHeight) {
    if (logHeight < 0 || logHeight > 30 || index < 0 || index >= (1 << logHeight)) {
      throw new InvalidOpeningException("leaf index " + index + " outside a tree of 2^" + logHeight + " leaves");
    }
  }
}

package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * One leaf of a {@link MerkleTree} revealed: its index, the row of every committed matrix at
 * that index ({@code rows.get(k)} has matrix k's width), and the sibling digests from the leaf
 * layer up to (not including) the root.
 */
public record MerkleOpening(int index, List<int[]> rows, List<Digest> siblings) {

  public MerkleOpening {
    rows = List.copyOf(rows);
    siblings = List.copyOf(siblings);
  }
}

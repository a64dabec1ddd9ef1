package io.l2prover.zkvm.stark.merkle;

import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * Several leaves of a {@link MerkleTree} revealed with one deduplicated path set.
 *
 * <p>{@code indices} are strictly increasing; {@code rows.get(q).get(k)} is matrix k's row at
 * {@code indices[q]}. {@code siblings} lists, layer by layer from the leaves up and within a
 * layer by increasing node index, exactly the nodes a verifier cannot compute from the opened
 * leaves: for each known node whose sibling is not itself known.
 */
public record MerkleBatchOpening(int[] indices, List<List<int[]>> rows, List<Digest> siblings) {

  public MerkleBatchOpening {
    indices = indices.clone();
    rows = rows.stream().map(List::copyOf).toList();
    siblings = List.copyOf(siblings);
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }
}

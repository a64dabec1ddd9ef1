package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * One Merkle tree of a multi-table proof that commits one matrix of every present table (mixed
 * heights, {@code MixedMerkleTree}): its root and the sibling digests the query paths need. The
 * opened rows are in each {@link TableProof}.
 */
public record TreeOpening(Digest root, List<Digest> siblings) {

  public TreeOpening {
    siblings = List.copyOf(siblings);
  }
}

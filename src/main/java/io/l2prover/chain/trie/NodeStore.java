package io.l2prover.chain.trie;

import io.l2prover.chain.types.Hash32;
import java.util.Optional;

/** Trie nodes by hash: the RLP of every node whose hash a parent holds. */
public interface NodeStore {

  /** The RLP of the node with this hash, if the store has it. */
  Optional<byte[]> get(Hash32 hash);
}

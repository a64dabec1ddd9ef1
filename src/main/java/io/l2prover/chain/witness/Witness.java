package io.l2prover.chain.witness;

import io.l2prover.util.Bytes;
import java.util.List;

/**
 * What a stateless validator needs besides the block and its parent header: the RLP of every
 * parent-state trie node the block reads or writes (including the siblings that deletions
 * collapse into their parent), and the codes of touched accounts that have code.
 */
public record Witness(List<Bytes> nodes, List<Bytes> codes) {

  public Witness {
    nodes = List.copyOf(nodes);
    codes = List.copyOf(codes);
  }

  /** The total size of the nodes and codes in bytes. */
  public long byteSize() {
    return nodes.stream().mapToLong(Bytes::length).sum() + codes.stream().mapToLong(Bytes::length).sum();
  }
}

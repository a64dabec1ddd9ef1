package io.l2prover.chain.trie;

import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory node store; nodes are keyed by the keccak-256 of their RLP. */
public final class MapNodeStore implements NodeStore {

  private final Map<Hash32, byte[]> nodes = new HashMap<>();

  /** A store holding exactly {@code encodedNodes} (a proof, a witness). */
  public static MapNodeStore of(Collection<byte[]> encodedNodes) {
    MapNodeStore store = new MapNodeStore();
    encodedNodes.forEach(store::put);
    return store;
  }

  /** Adds a node under the hash of its RLP. */
  public void put(byte[] encodedNode) {
    nodes.put(Keccak.hash(encodedNode), encodedNode.clone());
  }

  void put(Hash32 hash, byte[] encodedNode) {
    nodes.put(hash, encodedNode);
  }

  @Override
  public Optional<byte[]> get(Hash32 hash) {
    byte[] node = nodes.get(hash);
    return node == null ? Optional.empty() : Optional.of(node.clone());
  }

  public int size() {
    return nodes.size();
  }
}

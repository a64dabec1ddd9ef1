package io.l2prover.chain.witness;

import io.l2prover.chain.trie.NodeStore;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.util.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's state for the block guest's state oracle: trie nodes (state and storage tries) and
 * contract codes by their keccak-256, for every state of a chain at once. Content addressing
 * makes a state root enough to name a state, so a block's parent state is always here once its
 * ancestors were recorded; nothing is ever removed.
 */
public final class StateStore implements NodeStore {

  private final NodeStore base;
  private final Map<Hash32, byte[]> nodes = new ConcurrentHashMap<>();
  private final Map<Hash32, Bytes> codes = new ConcurrentHashMap<>();

  private StateStore(NodeStore base) {
    this.base = base;
  }

  /** A store over the nodes of {@code base} (a genesis state, say) and {@code codes}. */
  public static StateStore over(NodeStore base, Map<Hash32, Bytes> codes) {
    StateStore store = new StateStore(base);
    store.codes.putAll(codes);
    return store;
  }

  /** The trie node with this hash. */
  @Override
  public Optional<byte[]> get(Hash32 hash) {
    byte[] node = nodes.get(hash);
    return node != null ? Optional.of(node.clone()) : base.get(hash);
  }

  /** The code with this hash. */
  public Optional<Bytes> code(Hash32 hash) {
    return Optional.ofNullable(codes.get(hash));
  }

  /** Adds a trie node under the hash of its RLP. */
  public void addNode(byte[] encoded) {
    nodes.putIfAbsent(Keccak.hash(encoded), encoded.clone());
  }

  /** Adds a contract code under its hash. */
  public void addCode(Bytes code) {
    codes.putIfAbsent(Keccak.hash(code.toArray()), code);
  }
}

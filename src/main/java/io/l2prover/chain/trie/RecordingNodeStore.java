package io.l2prover.chain.trie;

import io.l2prover.chain.types.Hash32;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes reads to another store and remembers every node read: the witness of a computation. */
public final class RecordingNodeStore implements NodeStore {

  private final NodeStore source;
  private final Map<Hash32, byte[]> read = new LinkedHashMap<>();

  public RecordingNodeStore(NodeStore source) {
    this.source = source;
  }

  @Override
  public Optional<byte[]> get(Hash32 hash) {
    Optional<byte[]> node = source.get(hash);
    node.ifPresent(n -> read.putIfAbsent(hash, n));
    return node;
  }

  /** The RLP of every node read so far, in first-read order. */
  public List<byte[]> recorded() {
    List<byte[]> out = new ArrayList<>(read.size());
    read.values().forEach(n -> out.add(n.clone()));
    return out;
  }
}

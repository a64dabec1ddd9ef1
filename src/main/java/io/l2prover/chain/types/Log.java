package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;

/** An event log: emitting address, up to four topics, data. */
public record Log(Address address, List<Hash32> topics, Bytes data) {

  public Log {
    topics = List.copyOf(topics);
  }

  public byte[] encode() {
    List<byte[]> topicItems = new ArrayList<>(topics.size());
    topics.forEach(t -> topicItems.add(Rlp.bytes(t.toArray())));
    return Rlp.list(Rlp.bytes(address.toArray()), Rlp.list(topicItems), Rlp.bytes(data.toArray()));
  }
}

package io.l2prover.protocol;

import io.l2prover.util.Bytes;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What a stateless block validation needs besides the block: the RLP of every trie node on the
 * state paths the block touches, the code of every contract it touches, and the chain config
 * (the genesis file's {@code config} object).
 */
public record ExecutionWitness(List<Bytes> nodes, List<Bytes> codes, JsonObject chainConfig) {

  public ExecutionWitness {
    nodes = List.copyOf(nodes);
    codes = List.copyOf(codes);
    chainConfig = Objects.requireNonNull(chainConfig, "chainConfig").copy();
  }

  @Override
  public JsonObject chainConfig() {
    return chainConfig.copy();
  }
}

package io.l2prover.server;

import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.HeaderJson;
import io.l2prover.protocol.ExecutionWitness;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chain held in memory: the genesis header and blocks 1..n, each checked to extend the one
 * before it (number and parent hash).
 *
 * <p>The witness it serves carries the chain config only: the trie nodes and codes of each block's
 * state paths need the chain layer's witness builder, which is not part of this build yet.
 */
public final class BlocksChainSource implements ChainSource {

  private final BlockHeader genesis;
  private final List<Block> blocks;
  private final JsonObject chainConfig;

  /**
   * @throws IllegalArgumentException naming the first block that does not extend its parent
   */
  public BlocksChainSource(BlockHeader genesis, List<Block> blocks, JsonObject chainConfig) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    this.blocks = List.copyOf(blocks);
    this.chainConfig = chainConfig.copy();
    BlockHeader parent = genesis;
    for (Block block : this.blocks) {
      BlockHeader header = block.header();
      if (header.number() != parent.number() + 1) {
        throw new IllegalArgumentException("block " + header.number() + " follows block " + parent.number()
            + "; the chain must hold consecutive blocks starting at 1");
      }
      if (!header.parentHash().equals(parent.hash())) {
        throw new IllegalArgumentException("block " + header.number() + " has parent hash " + header.parentHash()
            + " but block " + parent.number() + " hashes to " + parent.hash()
            + " (is the chain file for this genesis?)");
      }
      parent = header;
    }
  }

  /** {@code <config chainId>:<genesis hash>}: the genesis hash alone does not cover the config. */
  @Override
  public String chainId() {
    return chainConfig.getValue("chainId") + ":" + genesis.hash().toHex();
  }

  @Override
  public long headBlockNumber() {
    return blocks.size();
  }

  @Override
  public JsonObject header(long number) {
    return new JsonObject(new java.util.LinkedHashMap<String, Object>(headerJson(blockHeader(number))));
  }

  @Override
  public ProverInput input(long number) {
    Block block = block(number);
    return new ProverInput(
        Bytes.of(blockHeader(number - 1).encode()),
        Bytes.of(block.encode()),
        new ExecutionWitness(List.of(), List.of(), chainConfig));
  }

  /** The blocks, for summaries. */
  public List<Block> blocks() {
    return new ArrayList<>(blocks);
  }

  private static Map<String, String> headerJson(BlockHeader header) {
    return HeaderJson.toJson(header);
  }

  private BlockHeader blockHeader(long number) {
    return number == 0 ? genesis : block(number).header();
  }

  private Block block(long number) {
    if (!contains(number)) {
      throw new IllegalArgumentException("block " + number + " is not in the chain (1.." + blocks.size() + ")");
    }
    return blocks.get((int) (number - 1));
  }
}

package io.l2prover.server;

import io.l2prover.chain.crypto.Keccak;
import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Bytes;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.U256;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A self-contained chain for the demo: a Cancun genesis with no accounts and {@code n} empty
 * blocks on top, each a valid successor of its parent (number, parent hash, timestamp, EIP-1559
 * base fee). Empty blocks leave the state as it is, so every root is the empty trie's.
 */
public final class EmptyBlocksChain {

  private static final Hash32 EMPTY_TRIE_ROOT = Keccak.hash(Rlp.EMPTY_STRING);
  private static final long GAS_LIMIT = 30_000_000;
  private static final long GENESIS_TIME = 1_718_232_101L;
  private static final long BLOCK_TIME = 12;
  private static final long ELASTICITY = 2;
  private static final long BASE_FEE_CHANGE_DENOMINATOR = 8;

  private EmptyBlocksChain() {}

  /** A genesis and {@code blocks} empty blocks on top; {@code chainId} goes into the chain config. */
  public static BlocksChainSource build(int blocks, long chainId) {
    BlockHeader parent = header(Hash32.ZERO, 0, GENESIS_TIME, U256.of(1_000_000_000L));
    BlockHeader genesis = parent;
    List<Block> chain = new ArrayList<>(blocks);
    for (int i = 1; i <= blocks; i++) {
      BlockHeader header = header(parent.hash(), i, parent.timestamp() + BLOCK_TIME, nextBaseFee(parent));
      chain.add(new Block(header, List.of(), List.of(), Optional.of(List.of())));
      parent = header;
    }
    JsonObject config = new JsonObject().put("chainId", chainId).put("londonBlock", 0).put("shanghaiTime", 0)
        .put("cancunTime", 0).put("terminalTotalDifficulty", 0).put("terminalTotalDifficultyPassed", true);
    return new BlocksChainSource(genesis, chain, config);
  }

  /** EIP-1559 for a parent that used no gas: the base fee falls by 1/8 of itself. */
  private static U256 nextBaseFee(BlockHeader parent) {
    U256 base = parent.requireBaseFee();
    long target = parent.gasLimit() / ELASTICITY;
    long used = parent.gasUsed();
    if (used == target) {
      return base;
    }
    var delta = base.toBigInteger().multiply(java.math.BigInteger.valueOf(Math.abs(target - used)))
        .divide(java.math.BigInteger.valueOf(target)).divide(java.math.BigInteger.valueOf(BASE_FEE_CHANGE_DENOMINATOR));
    return used > target ? U256.of(base.toBigInteger().add(delta.max(java.math.BigInteger.ONE)))
        : U256.of(base.toBigInteger().subtract(delta));
  }

  private static BlockHeader header(Hash32 parentHash, long number, long timestamp, U256 baseFee) {
    return new BlockHeader(parentHash, BlockHeader.EMPTY_OMMERS_HASH, Address.ZERO, EMPTY_TRIE_ROOT,
        EMPTY_TRIE_ROOT, EMPTY_TRIE_ROOT, Bytes.of(new byte[256]), U256.ZERO, number, GAS_LIMIT, 0, timestamp,
        Bytes.EMPTY, Hash32.ZERO, Bytes.of(new byte[8]), Optional.of(baseFee), Optional.of(EMPTY_TRIE_ROOT),
        Optional.of(0L), Optional.of(0L), Optional.of(Hash32.ZERO), Optional.empty());
  }
}

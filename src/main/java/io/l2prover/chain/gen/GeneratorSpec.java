package io.l2prover.chain.gen;

/**
 * The shape of a generated chain.
 *
 * @param accounts funded accounts in the genesis (each with a deterministic key)
 * @param blocks blocks after the genesis
 * @param txsPerBlock transactions in each block
 * @param chainId the EIP-155 chain id
 * @param seed seeds the choice of senders, recipients and transaction kinds
 */
public record GeneratorSpec(int accounts, int blocks, int txsPerBlock, long chainId, long seed) {

  /** The most transactions a block may hold: they must fit its gas limit with room to spare. */
  public static final int MAX_TXS_PER_BLOCK = 10_000;

  public GeneratorSpec {
    if (accounts < 2) {
      throw new IllegalArgumentException("--accounts must be at least 2 (senders need recipients), got " + accounts);
    }
    if (blocks < 1) {
      throw new IllegalArgumentException("--blocks must be at least 1, got " + blocks);
    }
    if (txsPerBlock < 0 || txsPerBlock > MAX_TXS_PER_BLOCK) {
      throw new IllegalArgumentException("--txs-per-block must be between 0 and " + MAX_TXS_PER_BLOCK + ", got " + txsPerBlock);
    }
    if (chainId <= 0) {
      throw new IllegalArgumentException("--chain-id must be positive, got " + chainId);
    }
  }

  /** Defaults: chain id 1729 (as the ethrex L2 test chain), seed 1. */
  public static GeneratorSpec of(int accounts, int blocks, int txsPerBlock) {
    return new GeneratorSpec(accounts, blocks, txsPerBlock, 1729, 1);
  }
}

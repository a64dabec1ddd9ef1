package io.l2prover.chain.state;

import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.U256;

/** What transaction processing needs to know about the block it runs in. */
public record BlockEnv(long chainId, long number, Address coinbase, long gasLimit, U256 baseFee) {

  public static BlockEnv of(long chainId, BlockHeader header) {
    return new BlockEnv(chainId, header.number(), header.coinbase(), header.gasLimit(),
        header.requireBaseFee());
  }
}

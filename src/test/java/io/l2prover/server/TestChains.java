package io.l2prover.server;

import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratorSpec;

/** Small generated chains for service tests. */
public final class TestChains {

  private TestChains() {}

  /** {@code blocks} blocks of two transfers each, on a genesis of four accounts. */
  public static ProvableChainSource small(int blocks, long chainId) {
    return ProvableChainSource.of(ChainGenerator.generate(new GeneratorSpec(4, blocks, 2, chainId, 1)));
  }
}

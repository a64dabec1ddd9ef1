package io.l2prover.chain.state;

import java.util.OptionalLong;

/**
 * The chain parameters the block rules depend on: the chain id (EIP-155) and the timestamps at
 * which the time-scheduled forks activate (absent: never).
 */
public record ChainConfig(
    long chainId, OptionalLong shanghaiTime, OptionalLong cancunTime, OptionalLong pragueTime) {

  /** A chain with Shanghai and Cancun from genesis and no Prague: what the generator writes. */
  public static ChainConfig cancunFromGenesis(long chainId) {
    return new ChainConfig(chainId, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.empty());
  }

  public boolean isShanghai(long timestamp) {
    return active(shanghaiTime, timestamp);
  }

  public boolean isCancun(long timestamp) {
    return active(cancunTime, timestamp);
  }

  public boolean isPrague(long timestamp) {
    return active(pragueTime, timestamp);
  }

  private static boolean active(OptionalLong forkTime, long timestamp) {
    return forkTime.isPresent() && timestamp >= forkTime.getAsLong();
  }
}

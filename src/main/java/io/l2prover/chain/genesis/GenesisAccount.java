package io.l2prover.chain.genesis;

import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.util.Map;

/** One entry of a genesis {@code alloc}: balance, nonce, code and storage slots. */
public record GenesisAccount(U256 balance, long nonce, Bytes code, Map<Hash32, U256> storage) {

  public GenesisAccount {
    storage = Map.copyOf(storage);
  }

  /** An account with only a balance. */
  public static GenesisAccount withBalance(U256 balance) {
    return new GenesisAccount(balance, 0, Bytes.EMPTY, Map.of());
  }
}

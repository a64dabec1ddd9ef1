package io.l2prover.chain;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.gen.BlockBuilder;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.DeterministicKeys;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisAccount;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.Bytes;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.types.U256;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Blocks that exercise the EIP-161 coinbase rule: one transfer, a chosen coinbase and tip. */
public final class CoinbaseFixtures {

  private CoinbaseFixtures() {}

  /** A genesis with funded signers and at least one empty account. */
  public static Genesis genesis() {
    return ChainGenerator.generate(GeneratorSpec.of(4, 1, 0)).genesis();
  }

  /** An account the genesis allocates with nothing: nonce 0, balance 0, no code. */
  public static Address emptyAccount(Genesis genesis) {
    return genesis.alloc().entrySet().stream()
        .filter(e -> e.getValue().equals(GenesisAccount.withBalance(U256.ZERO)))
        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
  }

  /** Block 1 with one transfer of {@code tip} per gas to the coinbase, mined by {@code coinbase}. */
  public static Block blockWithTip(Genesis genesis, Address coinbase, U256 tip) {
    var state = genesis.state(new MapNodeStore());
    var parent = genesis.header(state.root());
    BlockBuilder builder = new BlockBuilder(genesis.config().chainId(), parent, state, coinbase);
    BigInteger key = DeterministicKeys.privateKey(0);
    Address sender = Secp256k1.addressOf(key);
    U256 maxFee = builder.env().baseFee().add(tip);
    Transaction tx = Senders.sign(new Transaction(TxType.DYNAMIC_FEE, OptionalLong.of(genesis.config().chainId()),
        0, tip, maxFee, 21_000, Optional.of(Secp256k1.addressOf(DeterministicKeys.privateKey(1))), U256.of(5),
        Bytes.EMPTY, List.of(), 0, U256.ONE, U256.ONE), key);
    return builder.add(tx, sender).build();
  }
}

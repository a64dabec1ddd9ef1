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
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built blocks for rules the generator does not reach: the EIP-161 coinbase rule, withdrawals, pre-EIP-155 signatures. */
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
    Transaction tx = transfer(genesis, builder, 0, signer(1), tip, false);
    return builder.add(tx, signer(0)).build();
  }

  /** A signed transfer from deterministic account {@code from} to {@code to}. */
  public static Transaction transfer(Genesis genesis, BlockBuilder builder, int from, Address to, U256 tip,
      boolean legacyWithoutChainId) {
    BigInteger key = DeterministicKeys.privateKey(from);
    long nonce = builder.state().account(Secp256k1.addressOf(key)).map(a -> a.nonce()).orElse(0L);
    U256 maxFee = builder.env().baseFee().add(tip);
    Transaction unsigned = legacyWithoutChainId
        ? new Transaction(TxType.LEGACY, OptionalLong.empty(), nonce, maxFee, maxFee, 21_000, Optional.of(to),
            U256.of(5), Bytes.EMPTY, List.of(), 0, U256.ONE, U256.ONE)
        : new Transaction(TxType.DYNAMIC_FEE, OptionalLong.of(genesis.config().chainId()), nonce, tip, maxFee,
            21_000, Optional.of(to), U256.of(5), Bytes.EMPTY, List.of(), 0, U256.ONE, U256.ONE);
    return Senders.sign(unsigned, key);
  }

  /** The address of deterministic account {@code index}. */
  public static Address signer(int index) {
    return Secp256k1.addressOf(DeterministicKeys.privateKey(index));
  }
}

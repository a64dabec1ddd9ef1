package io.l2prover.chain.gen;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisAccount;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.BlockEnv;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.IntrinsicGas;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.AccessListEntry;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Generates a valid chain of signed value transfers from deterministic keys, cycling through
 * the {@link TxKind}s so that every block rule the guest implements is exercised: new accounts,
 * self-transfers, zero values, EIP-161 deletions, exact-balance spends, fee caps and refunds,
 * all three transaction types. The same spec always gives the same chain.
 */
public final class ChainGenerator {

  private static final long GENESIS_TIMESTAMP = 1_700_000_000L;
  private static final long MIN_GAS_LIMIT = 30_000_000L;
  /** No generated transaction asks for more gas than this. */
  private static final long MAX_TX_GAS = 60_000;
  private static final U256 ETHER = U256.of(BigInteger.TEN.pow(18));
  private static final U256 FUNDING = ETHER.multiply(1000);
  private static final long GWEI = 1_000_000_000L;
  /** What a sender must hold: more than any generated transaction can cost (60k gas at a few gwei, plus value). */
  private static final U256 SENDER_MINIMUM = U256.of(BigInteger.TEN.pow(16));
  private static final Address SEQUENCER = Address.fromHex("0x00000000000000000000000000000000c0ffee00");

  private final GeneratorSpec spec;
  private final Random random;
  private final Map<Address, BigInteger> keys = new HashMap<>();
  /** Accounts with keys, in creation order: the genesis accounts, then the new ones. */
  private final List<Address> signers = new ArrayList<>();
  /** Genesis accounts that start empty, waiting for a zero-value transfer to delete them. */
  private final List<Address> emptyAccounts = new ArrayList<>();
  private int nextKeyIndex;
  private int absentCounter;

  private ChainGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
  }

  /** Generates the chain {@code spec} describes. */
  public static GeneratedChain generate(GeneratorSpec spec) {
    return new ChainGenerator(spec).run();
  }

  private GeneratedChain run() {
    long gasLimit = Math.max(MIN_GAS_LIMIT, spec.txsPerBlock() * MAX_TX_GAS * 2);
    Genesis genesis = genesis(gasLimit);
    WorldState state = genesis.state(new MapNodeStore());
    BlockHeader parent = genesis.header(state.root());
    List<Block> blocks = new ArrayList<>(spec.blocks());
    for (int b = 0; b < spec.blocks(); b++) {
      Block block = block(parent, state, b);
      blocks.add(block);
      parent = block.header();
    }
    return new GeneratedChain(genesis, blocks);
  }

  private Genesis genesis(long gasLimit) {
    Map<Address, GenesisAccount> alloc = new HashMap<>();
    for (int i = 0; i < spec.accounts(); i++) {
      Address address = newSigner();
      // Slightly different balances make every account's leaf distinct.
      alloc.put(address, GenesisAccount.withBalance(FUNDING.add(U256.of(i))));
    }
    int empties = Math.max(1, spec.accounts() / 4);
    for (int i = 0; i < empties; i++) {
      Address empty = absentAddress();
      emptyAccounts.add(empty);
      alloc.put(empty, GenesisAccount.withBalance(U256.ZERO));
    }
    // A contract with storage exercises genesis code and storage tries; no transfer calls it.
    Map<Hash32, U256> storage = Map.of(Hash32.ZERO, U256.of(42), Hash32.fromHex("0x" + "00".repeat(31) + "01"), U256.of(7));
    alloc.put(Address.fromHex("0x00000000000000000000000000000000000c0de0"),
        new GenesisAccount(U256.ONE, 1, Bytes.fromHex("0x602a60005260206000f3"), storage));
    return new Genesis(ChainConfig.cancunFromGenesis(spec.chainId()), alloc, Address.ZERO,
        U256.ZERO, Bytes.EMPTY, gasLimit, Bytes.of(new byte[8]), Hash32.ZERO, GENESIS_TIMESTAMP,
        Optional.empty());
  }

  private Block block(BlockHeader parent, WorldState state, int blockIndex) {
    // Every third block is built by one of the senders, so fees flow into an account that also
    // spends and receives.
    Address coinbase = blockIndex % 3 == 2 ? signers.get(random.nextInt(signers.size())) : SEQUENCER;
    BlockBuilder builder = new BlockBuilder(spec.chainId(), parent, state, coinbase);
    TxKind[] kinds = TxKind.values();
    for (int i = 0; i < spec.txsPerBlock(); i++) {
      TxKind kind = kinds[(blockIndex * spec.txsPerBlock() + i) % kinds.length];
      Address sender = pickSender(state);
      builder.add(Senders.sign(transaction(kind, sender, state, builder.env()), keys.get(sender)), sender);
    }
    return builder.build();
  }

  private Transaction transaction(TxKind kind, Address sender, WorldState state, BlockEnv env) {
    U256 baseFee = env.baseFee();
    U256 tip = U256.of(1 + random.nextInt((int) (2 * GWEI)));
    U256 maxFee = baseFee.multiply(2).add(tip);
    U256 value = U256.of(1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000_000_000L);
    Address anyone = signers.get(random.nextInt(signers.size()));
    return switch (kind) {
      case TRANSFER -> dynamicFee(sender, state, anyone, value, tip, maxFee, 21_000, Bytes.EMPTY);
      case NEW_ACCOUNT -> dynamicFee(sender, state, newSigner(), value, tip, maxFee, 21_000, Bytes.EMPTY);
      case SELF_TRANSFER -> dynamicFee(sender, state, sender, value, tip, maxFee, 21_000, Bytes.EMPTY);
      case ZERO_VALUE -> dynamicFee(sender, state, anyone, U256.ZERO, tip, maxFee, 21_000, Bytes.EMPTY);
      case ZERO_VALUE_TO_ABSENT ->
          dynamicFee(sender, state, absentAddress(), U256.ZERO, tip, maxFee, 21_000, Bytes.EMPTY);
      case ZERO_VALUE_TO_EMPTY -> dynamicFee(sender, state,
          emptyAccounts.isEmpty() ? absentAddress() : emptyAccounts.remove(0), U256.ZERO, tip, maxFee,
          21_000, Bytes.EMPTY);
      case LEGACY -> unsigned(TxType.LEGACY, sender, state, anyone, value, baseFee.add(tip),
          baseFee.add(tip), 21_000, Bytes.EMPTY, List.of());
      case ACCESS_LIST -> accessList(sender, state, anyone, value, baseFee.add(tip));
      case CAPPED_PRIORITY_FEE -> {
        // max priority fee = max fee, but only max fee − base fee can go to the coinbase
        U256 cap = baseFee.add(U256.of(1 + random.nextInt(1000)));
        yield dynamicFee(sender, state, anyone, value, cap, cap, 21_000, Bytes.EMPTY);
      }
      case ZERO_PRIORITY_FEE -> dynamicFee(sender, state, anyone, value, U256.ZERO, baseFee, 21_000, Bytes.EMPTY);
      case DATA_AND_REFUND -> {
        Bytes data = Bytes.of(new byte[] {0, 1, 0, (byte) 0xff, 0x42});
        yield dynamicFee(sender, state, anyone, value, tip, maxFee, 21_000 + 4 * 2 + 16 * 3 + 5_000, data);
      }
      case EXACT_BALANCE -> exactBalance(sender, state, anyone, baseFee, tip, maxFee, value);
      case TO_COINBASE -> dynamicFee(sender, state, env.coinbase(), value, tip, maxFee, 21_000, Bytes.EMPTY);
    };
  }

  private Transaction accessList(Address sender, WorldState state, Address to, U256 value, U256 gasPrice) {
    List<AccessListEntry> entries = List.of(
        new AccessListEntry(to, List.of(hashOf("slot " + random.nextInt(100)))),
        new AccessListEntry(sender, List.of()));
    Transaction draft = unsigned(TxType.ACCESS_LIST, sender, state, to, value, gasPrice, gasPrice,
        21_000, Bytes.EMPTY, entries);
    long gas = IntrinsicGas.of(draft) + 1_000 + random.nextInt(9_000);
    return unsigned(TxType.ACCESS_LIST, sender, state, to, value, gasPrice, gasPrice, gas, Bytes.EMPTY, entries);
  }

  /**
   * Spends the sender's whole balance, but only while more than half the signers can still
   * send, so long chains keep enough live senders.
   */
  private Transaction exactBalance(Address sender, WorldState state, Address to, U256 baseFee,
      U256 tip, U256 maxFee, U256 value) {
    U256 balance = balance(state, sender);
    U256 gasCost = baseFee.multiply(21_000);
    if (liveSigners(state) * 2 <= signers.size() || balance.compareTo(gasCost) < 0 || to.equals(sender)) {
      return dynamicFee(sender, state, to, value, tip, maxFee, 21_000, Bytes.EMPTY);
    }
    return dynamicFee(sender, state, to, balance.subtract(gasCost), U256.ZERO, baseFee, 21_000, Bytes.EMPTY);
  }

  private Transaction dynamicFee(Address sender, WorldState state, Address to, U256 value, U256 tip,
      U256 maxFee, long gas, Bytes data) {
    return unsigned(TxType.DYNAMIC_FEE, sender, state, to, value, tip, maxFee, gas, data, List.of());
  }

  private Transaction unsigned(TxType type, Address sender, WorldState state, Address to, U256 value,
      U256 tip, U256 maxFee, long gas, Bytes data, List<AccessListEntry> accessList) {
    long nonce = state.account(sender).map(Account::nonce).orElse(0L);
    return new Transaction(type, OptionalLong.of(spec.chainId()), nonce, tip, maxFee, gas,
        Optional.of(to), value, data, accessList, 0, U256.ONE, U256.ONE);
  }

  /** A signer that can pay for any generated transaction. */
  private Address pickSender(WorldState state) {
    U256 needed = SENDER_MINIMUM;
    for (int attempt = 0; attempt < 64; attempt++) {
      Address candidate = signers.get(random.nextInt(signers.size()));
      if (balance(state, candidate).compareTo(needed) >= 0) {
        return candidate;
      }
    }
    for (Address candidate : signers) {
      if (balance(state, candidate).compareTo(needed) >= 0) {
        return candidate;
      }
    }
    throw new IllegalStateException("no account can pay for another transaction; generate fewer blocks");
  }

  private int liveSigners(WorldState state) {
    int live = 0;
    for (Address signer : signers) {
      if (balance(state, signer).compareTo(SENDER_MINIMUM) >= 0) {
        live++;
      }
    }
    return live;
  }

  private static U256 balance(WorldState state, Address address) {
    return state.account(address).map(Account::balance).orElse(U256.ZERO);
  }

  private Address newSigner() {
    BigInteger key = DeterministicKeys.privateKey(nextKeyIndex++);
    Address address = Secp256k1.addressOf(key);
    keys.put(address, key);
    signers.add(address);
    return address;
  }

  private Address absentAddress() {
    byte[] digest = Keccak.digest(("l2-prover absent " + absentCounter++).getBytes(StandardCharsets.US_ASCII));
    return Address.of(Arrays.copyOfRange(digest, 12, 32));
  }

  private static Hash32 hashOf(String text) {
    return Keccak.hash(text.getBytes(StandardCharsets.US_ASCII));
  }
}

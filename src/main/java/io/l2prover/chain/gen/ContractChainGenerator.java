package io.l2prover.chain.gen;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisAccount;
import io.l2prover.chain.witness.GuestRunner;
import io.l2prover.chain.witness.StateStore;
import io.l2prover.chain.witness.WitnessRecorder;
import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.FeeRules;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Generates a chain with contract blocks, sealed by the block guest ({@link EvmBlockSealer}):
 * block 1 deploys an ERC-20 token and a storage-heavy contract ({@link Contracts}); then blocks
 * alternate between {@code txsPerBlock} token transfers (from the deployer to random accounts)
 * and {@code txsPerBlock} calls that each write {@link #SLOTS_PER_CALL} fresh storage slots.
 */
public final class ContractChainGenerator {

  /** Slots each call of the storage-heavy contract writes. */
  public static final int SLOTS_PER_CALL = 10;
  private static final long GENESIS_TIMESTAMP = 1_700_000_000L;
  private static final long GAS_LIMIT = 30_000_000L;
  private static final long TRANSFER_GAS = 100_000;
  private static final long FILL_GAS = 60_000 + SLOTS_PER_CALL * 25_000L;
  private static final long CREATE_GAS = 1_000_000;
  private static final U256 FUNDING = U256.of(BigInteger.TEN.pow(21));
  private static final U256 SUPPLY = U256.of(BigInteger.TEN.pow(24));
  private static final U256 TIP = U256.of(1_000_000_000L);
  private static final Address SEQUENCER = Address.fromHex("0x00000000000000000000000000000000c0ffee00");

  private final GeneratorSpec spec;
  private final Random random;
  private final List<BigInteger> keys = new ArrayList<>();
  private final List<Address> accounts = new ArrayList<>();
  private final Map<Address, Long> nonces = new HashMap<>();
  private final EvmBlockSealer sealer;

  private ContractChainGenerator(GeneratorSpec spec, GuestRunner guest) {
    this.spec = spec;
    this.random = new Random(spec.seed());
    this.sealer = new EvmBlockSealer(new WitnessRecorder(guest), spec.chainId());
  }

  /** The chain and, per block, the sealing run (gas and cycles of each block). */
  public record Result(GeneratedChain chain, List<EvmBlockSealer.Sealed> sealed) {}

  /** Generates the chain {@code spec} describes ({@code txsPerBlock} at least 1), sealing with {@code guest}. */
  public static Result generate(GeneratorSpec spec, GuestRunner guest) {
    if (spec.txsPerBlock() < 1 || spec.txsPerBlock() * FILL_GAS > GAS_LIMIT) {
      throw new IllegalArgumentException("--txs-per-block must be between 1 and " + GAS_LIMIT / FILL_GAS
          + " for a chain with contracts, got " + spec.txsPerBlock());
    }
    return new ContractChainGenerator(spec, guest).run();
  }

  /** The address a contract created by {@code sender} with {@code nonce} gets (CREATE). */
  public static Address createdAddress(Address sender, long nonce) {
    byte[] hash = Keccak.digest(Rlp.list(Rlp.bytes(sender.toArray()), Rlp.u64(nonce)));
    return Address.of(Arrays.copyOfRange(hash, 12, 32));
  }

  private Result run() {
    Map<Address, GenesisAccount> alloc = new HashMap<>();
    for (int i = 0; i < spec.accounts(); i++) {
      BigInteger key = DeterministicKeys.privateKey(i);
      Address address = Secp256k1.addressOf(key);
      keys.add(key);
      accounts.add(address);
      alloc.put(address, GenesisAccount.withBalance(FUNDING.add(U256.of(i))));
    }
    Genesis genesis = new Genesis(ChainConfig.cancunFromGenesis(spec.chainId()), alloc, Address.ZERO, U256.ZERO,
        Bytes.EMPTY, GAS_LIMIT, Bytes.of(new byte[8]), Hash32.ZERO, GENESIS_TIMESTAMP, Optional.empty());
    MapNodeStore nodes = new MapNodeStore();
    WorldState state = genesis.state(nodes);
    StateStore store = StateStore.over(nodes, state.codes());
    BlockHeader parent = genesis.header(state.root());
    store.addNode(parent.encode()); // the genesis header by its hash, for BLOCKHASH

    Address deployer = accounts.get(0);
    Address token = createdAddress(deployer, 0);
    Address fill = createdAddress(deployer, 1);
    List<Block> blocks = new ArrayList<>();
    List<EvmBlockSealer.Sealed> sealed = new ArrayList<>();
    for (int b = 0; b < spec.blocks(); b++) {
      List<Transaction> txs = new ArrayList<>();
      U256 baseFee = FeeRules.baseFee(parent);
      if (b == 0) {
        txs.add(tx(0, Optional.empty(), Contracts.tokenInitCode(SUPPLY), CREATE_GAS, baseFee));
        txs.add(tx(0, Optional.empty(), Contracts.fillInitCode(), CREATE_GAS, baseFee));
      } else if (b % 2 == 1) {
        for (int t = 0; t < spec.txsPerBlock(); t++) {
          Address to = accounts.get(1 + random.nextInt(accounts.size() - 1));
          U256 value = U256.of(1 + random.nextInt(1_000_000));
          txs.add(tx(0, Optional.of(token), Contracts.transferCall(to, value), TRANSFER_GAS, baseFee));
        }
      } else {
        for (int t = 0; t < spec.txsPerBlock(); t++) {
          txs.add(tx(1 + t % (accounts.size() - 1), Optional.of(fill), Contracts.fillCall(SLOTS_PER_CALL), FILL_GAS,
              baseFee));
        }
      }
      EvmBlockSealer.Sealed block = sealer.seal(parent, txs, SEQUENCER, store);
      sealed.add(block);
      blocks.add(block.block());
      parent = block.block().header();
    }
    return new Result(new GeneratedChain(genesis, blocks), sealed);
  }

  private Transaction tx(int signer, Optional<Address> to, Bytes data, long gas, U256 baseFee) {
    Address sender = accounts.get(signer);
    long nonce = nonces.merge(sender, 1L, Long::sum) - 1;
    Transaction unsigned = new Transaction(TxType.DYNAMIC_FEE, OptionalLong.of(spec.chainId()), nonce, TIP,
        baseFee.multiply(2).add(TIP), gas, to, U256.ZERO, data, List.of(), 0, U256.ONE, U256.ONE);
    return Senders.sign(unsigned, keys.get(signer));
  }
}

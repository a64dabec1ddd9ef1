package io.l2prover.chain.genesis;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A genesis specification (the {@code genesis.json} of geth and ethrex): chain config, initial
 * accounts and the fields of block 0's header.
 */
public record Genesis(
    ChainConfig config,
    Map<Address, GenesisAccount> alloc,
    Address coinbase,
    U256 difficulty,
    Bytes extraData,
    long gasLimit,
    Bytes nonce,
    Hash32 mixHash,
    long timestamp,
    Optional<U256> baseFeePerGas) {

  /** The base fee of a London genesis that names none (EIP-1559's INITIAL_BASE_FEE). */
  public static final U256 INITIAL_BASE_FEE = U256.of(1_000_000_000L);

  public Genesis {
    alloc = Map.copyOf(alloc);
  }

  /** The initial state: every alloc account, with its code and storage trie. */
  public WorldState state(MapNodeStore nodes) {
    return state(alloc, nodes);
  }

  /** The state holding exactly {@code alloc}; its trie nodes (storage tries too) go to {@code nodes}. */
  public static WorldState state(Map<Address, GenesisAccount> alloc, MapNodeStore nodes) {
    WorldState state = WorldState.empty();
    for (var entry : new TreeMap<>(alloc).entrySet()) {
      GenesisAccount account = entry.getValue();
      Hash32 codeHash = account.code().length() == 0 ? Account.EMPTY_CODE_HASH : state.putCode(account.code());
      Hash32 storageRoot = storageRoot(account.storage(), nodes);
      state.put(entry.getKey(), new Account(account.nonce(), account.balance(), storageRoot, codeHash));
    }
    state.commitTo(nodes);
    return state;
  }

  private static Hash32 storageRoot(Map<Hash32, U256> storage, MapNodeStore nodes) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    storage.forEach((slot, value) -> {
      if (!value.isZero()) {
        trie.put(Keccak.digest(slot.toArray()), Rlp.bigInt(value.toBigInteger()));
      }
    });
    trie.commitTo(nodes);
    return trie.rootHash();
  }

  /**
   * Block 0's header over {@code stateRoot}. Fork fields appear as the forks active at the
   * genesis timestamp require: base fee (London, always assumed), withdrawals root (Shanghai),
   * blob gas fields and a zero parent beacon root (Cancun).
   */
  public BlockHeader header(Hash32 stateRoot) {
    if (config.isPrague(timestamp)) {
      throw new UnsupportedException("a genesis with Prague active at its timestamp");
    }
    boolean shanghai = config.isShanghai(timestamp);
    boolean cancun = config.isCancun(timestamp);
    Hash32 emptyRoot = MerklePatriciaTrie.EMPTY_ROOT;
    return new BlockHeader(Hash32.ZERO, BlockHeader.EMPTY_OMMERS_HASH, coinbase, stateRoot,
        emptyRoot, emptyRoot, Bytes.of(new byte[256]), difficulty, 0, gasLimit, 0, timestamp,
        extraData, mixHash, nonce, Optional.of(baseFeePerGas.orElse(INITIAL_BASE_FEE)),
        shanghai ? Optional.of(emptyRoot) : Optional.empty(),
        cancun ? Optional.of(0L) : Optional.empty(),
        cancun ? Optional.of(0L) : Optional.empty(),
        cancun ? Optional.of(Hash32.ZERO) : Optional.empty(),
        Optional.empty());
  }
}

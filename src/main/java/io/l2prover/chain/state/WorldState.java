package io.l2prover.chain.state;

import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.trie.NodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.util.Bytes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account state: a secure trie (keys are keccak-256 of the address) of {@link Account}s,
 * plus contract codes by hash. Every address read is remembered, so a witness can name the codes
 * the block needed.
 */
public final class WorldState {

  private final MerklePatriciaTrie accounts;
  private final Map<Hash32, Bytes> codes;
  private final Set<Address> touched = new LinkedHashSet<>();

  private WorldState(MerklePatriciaTrie accounts, Map<Hash32, Bytes> codes) {
    this.accounts = accounts;
    this.codes = codes;
  }

  /** An empty state. */
  public static WorldState empty() {
    return new WorldState(MerklePatriciaTrie.empty(), new HashMap<>());
  }

  /** The state with root {@code root}, trie nodes from {@code nodes}, codes from {@code codes}. */
  public static WorldState at(Hash32 root, NodeStore nodes, Map<Hash32, Bytes> codes) {
    return new WorldState(MerklePatriciaTrie.at(root, nodes), new HashMap<>(codes));
  }

  /** The account at {@code address}, absent if it does not exist. */
  public Optional<Account> account(Address address) {
    touched.add(address);
    return accounts.get(key(address)).map(Account::decode);
  }

  /** Creates or replaces the account at {@code address}. */
  public void put(Address address, Account account) {
    touched.add(address);
    accounts.put(key(address), account.encode());
  }

  /** Removes the account at {@code address} (EIP-161 clearing of empty accounts). */
  public void delete(Address address) {
    touched.add(address);
    accounts.remove(key(address));
  }

  /** Stores contract code under its hash. */
  public Hash32 putCode(Bytes code) {
    Hash32 hash = Keccak.hash(code.toArray());
    codes.put(hash, code);
    return hash;
  }

  /** The code with this hash, if known. */
  public Optional<Bytes> code(Hash32 codeHash) {
    return Optional.ofNullable(codes.get(codeHash));
  }

  /** The state root. */
  public Hash32 root() {
    return accounts.rootHash();
  }

  /** Every address read or written since this state was opened. */
  public Set<Address> touched() {
    return Set.copyOf(touched);
  }

  /** Adds this state's trie nodes to {@code sink} (to open the state again later). */
  public void commitTo(MapNodeStore sink) {
    accounts.commitTo(sink);
  }

  /** A copy of the code table. */
  public Map<Hash32, Bytes> codes() {
    return Map.copyOf(codes);
  }

  private static byte[] key(Address address) {
    return Keccak.digest(address.toArray());
  }
}

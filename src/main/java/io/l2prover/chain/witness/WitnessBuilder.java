package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.trie.NodeStore;
import io.l2prover.chain.trie.RecordingNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds a block's witness by executing the block on the parent state while recording every trie
 * node the execution resolves: reads, the paths of inserts and deletes, and the siblings a
 * deletion merges into its parent. Executing also validates the block, so only valid blocks get
 * a witness.
 */
public final class WitnessBuilder {

  /** A validated block's execution and its witness. */
  public record Execution(BlockExecutor.Result result, Witness witness, WorldState postState) {}

  private WitnessBuilder() {}

  /**
   * Executes {@code block} on the state at {@code parent.stateRoot()} read from {@code nodes}.
   * The returned post-state holds the block's changes in memory (commit them to keep them).
   */
  public static Execution execute(
      ChainConfig config, BlockHeader parent, Block block, NodeStore nodes, Map<Hash32, Bytes> codes) {
    Hash32 parentRoot = parent.stateRoot();
    RecordingNodeStore recorder = recorderHoldingRoot(parentRoot, nodes);
    WorldState state = WorldState.at(parentRoot, recorder, codes);
    BlockExecutor.Result result = new BlockExecutor(config).execute(parent, block, state);
    return new Execution(result, witness(recorder, parentRoot, nodes, codes, state), state);
  }

  /**
   * A block's input for a validator that reaches its own verdict, whether or not the block is
   * valid: the Java verdict, and a witness that holds, besides what execution recorded before
   * any failure, the path of every account a validator could read (beacon roots address, the
   * coinbase, each recoverable sender, each recipient, each withdrawal address). For a valid
   * block this is exactly {@link #execute}'s witness.
   */
  public record Candidate(Witness witness, Optional<ChainException> rejection) {}

  /** Records the witness of a block that may be invalid (see {@link Candidate}). */
  public static Candidate candidate(
      ChainConfig config, BlockHeader parent, Block block, NodeStore nodes, Map<Hash32, Bytes> codes) {
    Hash32 parentRoot = parent.stateRoot();
    RecordingNodeStore recorder = recorderHoldingRoot(parentRoot, nodes);
    WorldState state = WorldState.at(parentRoot, recorder, codes);
    Optional<ChainException> rejection = Optional.empty();
    try {
      readCandidateAccounts(block, state);
      new BlockExecutor(config).execute(parent, block, state);
    } catch (ChainException e) {
      rejection = Optional.of(e);
    }
    return new Candidate(witness(recorder, parentRoot, nodes, codes, state), rejection);
  }

  /** A recorder over {@code nodes} that has already recorded the parent state root's node. */
  private static RecordingNodeStore recorderHoldingRoot(Hash32 parentRoot, NodeStore nodes) {
    RecordingNodeStore recorder = new RecordingNodeStore(nodes);
    if (!parentRoot.equals(MerklePatriciaTrie.EMPTY_ROOT)) {
      // The root node always travels, so the guest can check the parent state root even for an
      // empty block.
      recorder.get(parentRoot);
    }
    return recorder;
  }

  /** The nodes {@code recorder} saw and the codes of the accounts {@code state} touched. */
  private static Witness witness(
      RecordingNodeStore recorder, Hash32 parentRoot, NodeStore nodes, Map<Hash32, Bytes> codes, WorldState state) {
    List<Bytes> nodeList = new ArrayList<>();
    recorder.recorded().forEach(n -> nodeList.add(Bytes.of(n)));
    return new Witness(nodeList, touchedCodes(parentRoot, nodes, codes, state));
  }

  private static void readCandidateAccounts(Block block, WorldState state) {
    state.account(BlockExecutor.BEACON_ROOTS_ADDRESS);
    if (!block.transactions().isEmpty()) {
      state.account(block.header().coinbase());
    }
    for (Transaction tx : block.transactions()) {
      try {
        state.account(Senders.recover(tx));
      } catch (ChainException e) {
        // an unrecoverable signature: the validator stops at this transaction anyway
      }
      tx.to().ifPresent(state::account);
    }
    block.withdrawals().ifPresent(ws -> ws.forEach(w -> state.account(w.address())));
  }

  /** The codes of the touched accounts that had code in the parent state. */
  private static List<Bytes> touchedCodes(
      Hash32 parentRoot, NodeStore nodes, Map<Hash32, Bytes> codes, WorldState after) {
    WorldState parentState = WorldState.at(parentRoot, nodes, codes);
    TreeSet<Hash32> hashes = new TreeSet<>();
    for (Address address : after.touched()) {
      parentState.account(address).filter(Account::hasCode).ifPresent(a -> hashes.add(a.codeHash()));
    }
    List<Bytes> out = new ArrayList<>(hashes.size());
    for (Hash32 hash : hashes) {
      Bytes code = codes.get(hash);
      if (code == null) {
        throw new IllegalStateException("the state refers to code " + hash + " that the chain state lacks");
      }
      out.add(code);
    }
    return out;
  }
}

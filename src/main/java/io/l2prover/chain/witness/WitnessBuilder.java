package io.l2prover.chain.witness;

import io.l2prover.chain.genesis.ChainConfig;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.trie.NodeStore;
import io.l2prover.chain.trie.RecordingNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Bytes;
import io.l2prover.chain.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    RecordingNodeStore recorder = new RecordingNodeStore(nodes);
    Hash32 parentRoot = parent.stateRoot();
    if (!parentRoot.equals(MerklePatriciaTrie.EMPTY_ROOT)) {
      // The root node always travels, so the guest can check the parent state root even for an
      // empty block.
      recorder.get(parentRoot);
    }
    WorldState state = WorldState.at(parentRoot, recorder, codes);
    BlockExecutor.Result result = new BlockExecutor(config).execute(parent, block, state);
    List<Bytes> nodeList = new ArrayList<>();
    recorder.recorded().forEach(n -> nodeList.add(Bytes.of(n)));
    return new Execution(result, new Witness(nodeList, touchedCodes(parentRoot, nodes, codes, state)), state);
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

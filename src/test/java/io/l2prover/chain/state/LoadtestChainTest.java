package io.l2prover.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisJson;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.ChainFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Blocks 1-4 of the ethrex L2 load test must reproduce their headers' roots. */
class LoadtestChainTest {

  private static List<Block> blocks;
  private static final List<BlockExecutor.Result> results = new ArrayList<>();

  @BeforeAll
  static void replay() {
    Genesis genesis = GenesisJson.read(TestData.require("genesis-l2.json"));
    blocks = ChainFile.read(TestData.require("l2-loadtest.rlp"));
    WorldState state = genesis.state(new MapNodeStore());
    BlockHeader parent = genesis.header(state.root());
    BlockExecutor executor = new BlockExecutor(genesis.config());
    for (Block block : blocks) {
      results.add(executor.execute(parent, block, state));
      parent = block.header();
    }
  }

  @Test
  void everyBlockReproducesItsStateRoot() {
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(results.get(i).stateRoot()).isEqualTo(blocks.get(i).header().stateRoot());
    }
  }

  @Test
  void transactionAndReceiptRootsMatch() {
    for (int i = 0; i < blocks.size(); i++) {
      BlockHeader header = blocks.get(i).header();
      assertThat(BlockRoots.transactionsRoot(blocks.get(i).transactions())).isEqualTo(header.transactionsRoot());
      assertThat(BlockRoots.receiptsRoot(results.get(i).outcome().receipts())).isEqualTo(header.receiptsRoot());
    }
  }

  @Test
  void theLoadBlocksAreFullOfTransfers() {
    assertThat(results.get(2).outcome().gasUsed()).isEqualTo(1186L * 21_000);
    assertThat(results.get(3).outcome().gasUsed()).isEqualTo(1185L * 21_000);
    assertThat(results.get(2).outcome().senders()).hasSize(1186);
  }
}

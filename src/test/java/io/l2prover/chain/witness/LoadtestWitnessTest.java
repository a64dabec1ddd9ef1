package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The witness of each load-test block alone suffices to recompute the block's state root. */
class LoadtestWitnessTest {

  private static ProvableChain chain;

  @BeforeAll
  static void load() {
    chain = ProvableChain.load(TestData.require("genesis-l2.json"), TestData.require("l2-loadtest.rlp"));
  }

  @Test
  void theWitnessAloneRebuildsThePostStateRoot() {
    for (long n = 1; n <= chain.headNumber(); n++) {
      GuestInput input = GuestInputEncoder.decode(GuestInputEncoder.encode(chain.input(n)));
      BlockHeader parent = input.decodeParentHeader();
      Block block = input.decodeBlock();
      List<byte[]> nodes = new ArrayList<>();
      input.nodes().forEach(node -> nodes.add(node.toArray()));
      WorldState partial = WorldState.at(parent.stateRoot(), MapNodeStore.of(nodes), Map.of());
      BlockExecutor.Result result = new BlockExecutor(chain.config()).execute(parent, block, partial);
      assertThat(result.stateRoot()).as("block %d", n).isEqualTo(chain.header(n).stateRoot());
      assertThat(input.chainId()).isEqualTo(1729);
      assertThat(input.codes()).isEmpty();
    }
  }

  @Test
  void emptyBlocksCarryTheRootPathAndLoadBlocksTheirAccounts() {
    List<Bytes> empty = chain.execute(1).witness().nodes();
    List<Bytes> loaded = chain.execute(3).witness().nodes();
    assertThat(empty).isNotEmpty();
    assertThat(loaded.size()).isGreaterThan(empty.size());
  }

  @Test
  void theExpectedJournalDescribesTheBlock() {
    BlockJournal journal = chain.expectedJournal(4);
    assertThat(journal.blockHash()).isEqualTo(chain.header(4).hash());
    assertThat(journal.parentStateRoot()).isEqualTo(chain.header(3).stateRoot());
    assertThat(journal.newStateRoot()).isEqualTo(chain.header(4).stateRoot());
    assertThat(journal.txCount()).isEqualTo(1185);
    assertThat(journal.gasUsed()).isEqualTo(1185L * 21_000);
  }
}

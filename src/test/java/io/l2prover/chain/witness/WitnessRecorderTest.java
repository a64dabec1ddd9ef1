package io.l2prover.chain.witness;

import io.l2prover.guest.ExecutorGuestRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The witness-oracle route: the block guest, asking the host's state for what it reads, records
 * a witness with which the run a prover makes (no oracle) commits the same journal, whose every
 * node is needed, and which carries the chain on from the nodes the guest handed back.
 */
class WitnessRecorderTest {

  private static Program guest;
  private static ProvableChain chain;
  private static StateStore store;

  @BeforeAll
  static void setUp() {
    guest = Program.fromElf(Guests.bundled("block"));
    GeneratedChain generated = ChainGenerator.generate(GeneratorSpec.of(8, 3, 6));
    chain = ProvableChain.of(generated.genesis(), generated.blocks(), new ExecutorGuestRunner(guest, ExecutorOptions.defaults()));
    MapNodeStore nodes = new MapNodeStore();
    WorldState genesis = generated.genesis().state(nodes);
    store = StateStore.over(nodes, genesis.codes());
  }

  private static Recording record(long n) {
    return new WitnessRecorder(new ExecutorGuestRunner(guest, ExecutorOptions.defaults())).record(chain.config().chainId(),
        Bytes.of(chain.header(n - 1).encode()), Bytes.of(chain.block(n).encode()), store);
  }

  private static ExecutionResult run(GuestInput input) {
    return Executor.run(guest, GuestInputEncoder.encode(input), ExecutorOptions.defaults());
  }

  private static String stderr(ExecutionResult r) {
    return new String(r.stderr(), StandardCharsets.UTF_8).trim();
  }

  @Test
  void everyBlockIsRecordedAndProvenFromItsWitnessAlone() {
    for (long n = 1; n <= chain.headNumber(); n++) {
      Recording recording = record(n);
      assertThat(recording.accepted()).as("block %d: %s", n, recording.reason()).isTrue();
      assertThat(recording.input().version()).isEqualTo(GuestInput.EVM);
      assertThat(BlockJournal.decode(recording.run().journal())).isEqualTo(chain.expectedJournal(n));
      BlockResult result = recording.result().orElseThrow();
      assertThat(result.stateRoot()).isEqualTo(chain.header(n).stateRoot());
      assertThat(result.receiptsRoot()).isEqualTo(chain.header(n).receiptsRoot());
      assertThat(result.gasUsed()).isEqualTo(chain.header(n).gasUsed());

      ExecutionResult proven = run(recording.input());
      assertThat(proven.exitCode()).as("block %d on its recorded witness: %s", n, stderr(proven)).isZero();
      assertThat(proven.journal()).isEqualTo(recording.run().journal());
      // Block n + 1's parent state is known only from what block n's run handed back.
      recording.commitTo(store);
    }
  }

  @Test
  void theRecordedWitnessHoldsNothingTheGuestCanDoWithout() {
    Recording recording = record(1);
    List<Bytes> nodes = recording.input().nodes();
    assertThat(nodes).isNotEmpty();
    for (int drop : new int[] {0, nodes.size() / 2, nodes.size() - 1}) {
      List<Bytes> fewer = new ArrayList<>(nodes);
      fewer.remove(drop);
      GuestInput input = recording.input();
      ExecutionResult r = run(new GuestInput(input.chainId(), input.parentHeader(), input.block(), fewer,
          input.codes(), GuestInput.EVM));
      assertThat(r.exitCode()).as("without node %d", drop).isEqualTo(1);
      assertThat(stderr(r)).contains("missing witness node");
    }
  }

  @Test
  void aRecordingInputWithoutTheOracleIsRefusedWithTheReason() {
    GuestInput oracleInput = new GuestInput(chain.config().chainId(), Bytes.of(chain.header(0).encode()),
        Bytes.of(chain.block(1).encode()), List.of(), List.of(), GuestInput.ORACLE);
    ExecutionResult r = run(oracleInput);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(stderr(r)).contains("needs the host's state oracle");
  }

  @Test
  void aTracedRunRefusesTheOracle() {
    GeneratedChain generated = ChainGenerator.generate(GeneratorSpec.of(2, 1, 1));
    ProvableChain tiny = ProvableChain.of(generated.genesis(), generated.blocks(), new ExecutorGuestRunner(guest, ExecutorOptions.defaults()));
    GuestInput oracleInput = new GuestInput(tiny.config().chainId(), Bytes.of(tiny.header(0).encode()),
        Bytes.of(tiny.block(1).encode()), List.of(), List.of(), GuestInput.ORACLE);
    ExecutorOptions traced = ExecutorOptions.defaults().withPrecompiles(false).withTrace(step -> { });
    Assertions.assertThatThrownBy(() -> new ExecutorGuestRunner(guest, traced).run(GuestInputEncoder.encode(oracleInput),
        new StateOracle(store))).isInstanceOf(GuestRunException.class).hasMessageContaining("host-only call");
  }

  @Test
  void theGenesisAloneDoesNotServeALaterBlock() {
    MapNodeStore nodes = new MapNodeStore();
    Genesis genesis = ChainGenerator.generate(GeneratorSpec.of(8, 3, 6)).genesis();
    StateStore fresh = StateStore.over(nodes, genesis.state(nodes).codes());
    Recording r = new WitnessRecorder(new ExecutorGuestRunner(guest, ExecutorOptions.defaults())).record(chain.config().chainId(),
        Bytes.of(chain.header(1).encode()), Bytes.of(chain.block(2).encode()), fresh);
    assertThat(r.run().exitCode()).isEqualTo(1);
    assertThat(r.reason()).contains("missing witness node");
  }
}

package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.BlockTamper;
import io.l2prover.chain.TestData;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.types.Hash32;
import io.l2prover.guest.BlockGuestPhases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockRoleTest {

  private static GeneratedChain generated;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final BlockRole role = new BlockRole(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  @BeforeAll
  static void generate() {
    generated = ChainGenerator.generate(GeneratorSpec.of(6, 2, 4));
  }

  private int execute(Path genesis, Path chain, int number, String... more) {
    List<String> args = new ArrayList<>(List.of("execute", "--genesis", genesis.toString(),
        "--chain", chain.toString(), "--number", Integer.toString(number)));
    args.addAll(List.of(more));
    return role.run(args.toArray(String[]::new));
  }

  @Test
  void executesAGeneratedBlockAndWritesTheSummary(@TempDir Path dir) throws Exception {
    generated.write(dir);
    Path summary = dir.resolve("summary.json");
    assertThat(execute(dir.resolve("genesis.json"), dir.resolve("chain.rlp"), 2, "--summary", summary.toString()))
        .isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new ObjectMapper().readValue(summary.toFile(), Map.class);
    assertThat(json.get("block_number")).isEqualTo(2);
    assertThat(json.get("state_root")).isEqualTo(generated.blocks().get(1).header().stateRoot().toHex());
    assertThat(json.get("tx_count")).isEqualTo(4);
    assertThat(((Number) json.get("cycles")).longValue()).isPositive();
    assertThat(json).containsKeys("block_hash", "parent_state_root", "gas_used", "seconds", "gas_per_second");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("block 2 ").contains("valid")
        .contains("cycles by phase: decode ");
    assertPhasesSumToCycles(json);
  }

  @Test
  void jsonPrintsOneLineOfGasCyclesAndSeconds(@TempDir Path dir) throws Exception {
    generated.write(dir);
    assertThat(execute(dir.resolve("genesis.json"), dir.resolve("chain.rlp"), 2, "--json")).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new ObjectMapper().readValue(printed, Map.class);
    assertThat(json).containsOnlyKeys("block", "txs", "gas", "cycles", "seconds", "gas_per_s", "mips");
    assertThat(json.get("block")).isEqualTo(2);
    assertThat(json.get("txs")).isEqualTo(4);
    assertThat(((Number) json.get("gas")).longValue()).isEqualTo(generated.blocks().get(1).header().gasUsed());
    assertThat(((Number) json.get("cycles")).longValue()).isPositive();
  }

  /** Every phase of the block guest ran (the block has transactions) and the split accounts for every cycle. */
  @SuppressWarnings("unchecked")
  private static void assertPhasesSumToCycles(Map<String, Object> json) {
    Map<String, Object> phases = (Map<String, Object>) json.get("cycles_by_phase");
    assertThat(phases).containsOnlyKeys(BlockGuestPhases.DECODE, BlockGuestPhases.SENDER_RECOVERY,
        BlockGuestPhases.STATE_UPDATE, BlockGuestPhases.ROOTS, BlockGuestPhases.OTHER);
    for (String named : List.of(BlockGuestPhases.DECODE, BlockGuestPhases.SENDER_RECOVERY,
        BlockGuestPhases.STATE_UPDATE, BlockGuestPhases.ROOTS, BlockGuestPhases.OTHER)) {
      assertThat(((Number) phases.get(named)).longValue()).as(named).isPositive();
    }
    long recovery = ((Number) phases.get(BlockGuestPhases.SENDER_RECOVERY)).longValue();
    long sum = phases.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    assertThat(sum).isEqualTo(((Number) json.get("cycles")).longValue());
    // With the zkVM's precompiles (on by default) recovery is no longer most of a block, but it is its biggest phase.
    for (String other : List.of(BlockGuestPhases.DECODE, BlockGuestPhases.STATE_UPDATE, BlockGuestPhases.ROOTS)) {
      assertThat(recovery).as("sender recovery above %s", other).isGreaterThan(((Number) phases.get(other)).longValue());
    }
  }

  @Test
  void reportsTheGuestsReasonForABrokenBlock(@TempDir Path dir) throws Exception {
    Path broken = writeWithWrongStateRoot(dir, 1);
    assertThat(execute(dir.resolve("genesis.json"), broken, 2)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("block 2 rejected by the block guest (exit 1)").contains("state root");
  }

  @Test
  void refusesToStartOnTopOfAnInvalidBlock(@TempDir Path dir) throws Exception {
    Path broken = writeWithWrongStateRoot(dir, 0);
    assertThatThrownBy(() -> execute(dir.resolve("genesis.json"), broken, 2))
        .isInstanceOf(UserError.class).hasMessageContaining("a block before block 2 is not valid");
  }

  @Test
  void usageMistakesAreUserErrors(@TempDir Path dir) throws Exception {
    generated.write(dir);
    assertThatThrownBy(() -> execute(dir.resolve("genesis.json"), dir.resolve("chain.rlp"), 3))
        .isInstanceOf(UserError.class).hasMessageContaining("outside 1..2");
    assertThatThrownBy(() -> execute(dir.resolve("none.json"), dir.resolve("chain.rlp"), 1))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> role.run(new String[] {"run"})).hasMessageContaining("unknown block command");
  }

  @Test
  void executesAnEmptyLoadTestBlock() {
    assertThat(execute(TestData.require("genesis-l2.json"), TestData.require("l2-loadtest.rlp"), 1)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("0x13f454c91c933f30992eac8820790554d89458f36eadd9b48b7fad71bedc46e1: valid");
  }

  /**
   * Writes the generated chain to {@code dir}, and beside it broken.rlp: the same blocks, but the
   * one at {@code index} with a zero state root.
   */
  private Path writeWithWrongStateRoot(Path dir, int index) throws Exception {
    generated.write(dir);
    List<Block> blocks = new ArrayList<>(generated.blocks());
    blocks.set(index, BlockTamper.withHeader(blocks.get(index), f -> f.stateRoot = Hash32.ZERO));
    Path broken = dir.resolve("broken.rlp");
    ChainFile.write(broken, blocks);
    return broken;
  }
}

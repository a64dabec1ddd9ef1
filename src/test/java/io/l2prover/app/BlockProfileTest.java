package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.l2prover.app.cli.UserError;
import io.l2prover.chain.TestData;
import io.l2prover.chain.gen.ContractChainGenerator;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.guest.ExecutorGuestRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code block profile}: the table on a generated token block and on a fixture, and its usage errors. */
class BlockProfileTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final BlockRole role = new BlockRole(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void profilesATokenBlock(@TempDir Path dir) throws Exception {
    ContractChainGenerator.generate(GeneratorSpec.of(3, 2, 3), ExecutorGuestRunner.blockGuest()).chain().write(dir);
    assertThat(role.run(new String[] {"profile", "--genesis", dir.resolve("genesis.json").toString(), "--chain",
        dir.resolve("chain.rlp").toString(), "--number", "2", "--top", "5"})).isZero();

    List<String> lines = printed().lines().toList();
    assertThat(lines.get(0)).isEqualTo("block 2, the prover's run on its recorded witness, precompiles on:");
    assertThat(lines.get(2)).startsWith("opcode ");
    assertThat(lines).hasSize(3 + 5 + 2); // top 5, the others, outside the EVM
    assertThat(lines.get(8)).matches("\\d+ others .*");
    Matcher totals = Pattern.compile(
        "(\\d+) cycles in 1 run\\(s\\): (\\d+) in the EVM interpreter .* (\\d+) outside it").matcher(lines.get(1));
    assertThat(totals.matches()).as(lines.get(1)).isTrue();
    long rows = lines.subList(3, 9).stream().mapToLong(BlockProfileTest::cycles).sum();
    assertThat(rows).isEqualTo(Long.parseLong(totals.group(2)));
    assertThat(Long.parseLong(totals.group(2)) + Long.parseLong(totals.group(3)))
        .isEqualTo(Long.parseLong(totals.group(1)));
    assertThat(printed()).containsPattern("\nKECCAK256 +6 ");
  }

  /** The cycles column of a table row: the fourth number from the end. */
  private static long cycles(String row) {
    String[] columns = row.trim().split(" +");
    return Long.parseLong(columns[columns.length - 4]);
  }

  @Test
  void profilesTheProversRunsOfAFixture() {
    Path folder = TestData.directory()
        .resolve("ethereum-tests/BlockchainTests/GeneralStateTests/VMTests/vmArithmeticTest");
    assumeTrue(Files.isRegularFile(folder.resolve("add.json")), () -> folder + " absent; set L2PROVER_TESTDATA");
    assertThat(role.run(new String[] {"profile", "--fixtures", folder.toString(), "--filter", "add.json"})).isZero();
    Matcher header = Pattern.compile("(\\d+) passed, 0 failed, 0 skipped; the prover's runs of their blocks, "
        + "precompiles on:\n\\d+ cycles in (\\d+) run\\(s\\): .*", Pattern.DOTALL).matcher(printed());
    assertThat(header.matches()).as(printed()).isTrue();
    assertThat(header.group(2)).as("one run per test, of its one block").isEqualTo(header.group(1));
    assertThat(printed()).containsPattern("\nADD +\\d+ ");
  }

  @Test
  void usageMistakesAreUserErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> role.run(new String[] {"profile", "--top", "3"})).isInstanceOf(UserError.class)
        .hasMessage("block profile: give either --genesis G --chain C --number N or --fixtures DIR");
    assertThatThrownBy(() -> role.run(new String[] {"profile", "--fixtures", dir.toString(), "--chain", "c.rlp"}))
        .isInstanceOf(UserError.class).hasMessageContaining("give either");
    assertThatThrownBy(() -> role.run(new String[] {"profile", "--fixtures", dir.resolve("none").toString()}))
        .isInstanceOf(UserError.class).hasMessageStartingWith("block profile: --fixtures ");
    assertThatThrownBy(() -> role.run(new String[] {"profile", "--fixtures", dir.toString(), "--precompiles", "x"}))
        .isInstanceOf(UserError.class).hasMessageContaining("on or off");
  }
}

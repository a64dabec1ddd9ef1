package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainRoleTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final ChainRole role = new ChainRole(new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void generatesAChainThatVerifies(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gen");
    assertThat(role.run(new String[] {"generate", "--accounts", "5", "--blocks", "2",
        "--txs-per-block", "7", "--out", out.toString()})).isZero();
    assertThat(Files.size(out.resolve("chain.rlp"))).isPositive();
    assertThat(role.run(new String[] {"verify", "--genesis", out.resolve("genesis.json").toString(),
        "--chain", out.resolve("chain.rlp").toString()})).isZero();
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("2 blocks, 14 transactions").contains("block 2 ").contains("valid");
  }

  @Test
  void mistakesAreOneLineUserErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> role.run(new String[] {"generate", "--accounts", "x"}))
        .isInstanceOf(UserError.class).hasMessageContaining("--accounts 'x' is not a number");
    assertThatThrownBy(() -> role.run(new String[] {"generate", "--accounts", "1", "--blocks", "1",
        "--txs-per-block", "1", "--out", dir.toString()})).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> role.run(new String[] {"generate", "--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
    assertThatThrownBy(() -> role.run(new String[] {"verify", "--genesis", dir.resolve("none.json").toString(),
        "--chain", "x"})).isInstanceOf(UserError.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> role.run(new String[] {"frobnicate"})).hasMessageContaining("unknown chain command");
  }

  @Test
  void standardRolesIncludeChain() {
    assertThat(Roles.standard().find("chain")).isPresent();
  }
}

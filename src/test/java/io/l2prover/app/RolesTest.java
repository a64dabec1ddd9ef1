package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void theStandardRolesAreListed() {
    assertThat(Roles.standard().usage()).contains("demo", "client", "server");
  }

  @Test
  void theDemoProvesItsChainAndExitsZero() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoRole demo = new DemoRole(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code = Main.run(new Roles(List.of(demo)), new String[] {"demo", "--blocks", "2"});
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).contains("block 2: accepted by the server").contains("receipts of 2 of 2 blocks accepted");
  }

  @Test
  void roleOptionsAreCheckedAndHelpIsPrinted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoRole demo = new DemoRole(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(demo.run(new String[] {"--help"})).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar l2-prover.jar demo");
    assertThatThrownBy(() -> demo.run(new String[] {"--blocks", "x"})).isInstanceOf(UserError.class)
        .hasMessageContaining("--blocks 'x' is not a number");
    assertThatThrownBy(() -> new ServerRole().run(new String[] {"--frobnicate", "1"}))
        .isInstanceOf(UserError.class).hasMessageContaining("unknown option --frobnicate")
        .extracting(e -> ((UserError) e).exitCode()).isEqualTo(Main.EXIT_USAGE);
  }
}

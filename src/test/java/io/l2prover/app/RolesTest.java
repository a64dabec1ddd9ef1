package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.l2prover.app.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RolesTest {

  @Test
  void theStandardRolesAreListed() {
    assertThat(Roles.standard().usage()).contains("demo", "client", "server");
  }

  @Test
  void theDemoProvesItsChainAndExitsZeroPrintingEachEventOnce() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoRole demo = new DemoRole(new PrintStream(out, true, StandardCharsets.UTF_8));
    var service = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.l2prover");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    service.addAppender(log);
    Level before = service.getLevel();
    service.setLevel(Level.INFO); // as in production (the tests' default is WARN)
    int code;
    Level after;
    try {
      code = Main.run(new Roles(List.of(demo)), new String[] {"demo", "--dev", "--blocks", "2"});
      after = service.getLevel();
    } finally {
      service.detachAppender(log);
      service.setLevel(before);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).contains("block 2: accepted by the server").contains("receipts of 2 of 2 blocks accepted");
    // The services' own lines for the same events stay out of the way (L2PROVER_LOG_LEVEL brings them back).
    assertThat(log.list).noneMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("block 2"));
    assertThat(after).isEqualTo(Level.INFO);
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

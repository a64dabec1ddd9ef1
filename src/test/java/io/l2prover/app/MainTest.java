package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.app.cli.Role;
import io.l2prover.app.cli.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  private static Role role(String name, int code) {
    return new Role() {
      public String name() { return name; }
      public String summary() { return "test role " + name; }
      public int run(String[] args) {
        if (args.length > 0 && args[0].equals("fail")) {
          throw new UserError("bad flag", 3);
        }
        return code;
      }
    };
  }

  @Test
  void unknownRoleIsAUsageError() {
    assertThat(Main.run(new Roles(List.of(role("demo", 0))), new String[] {"nope"}))
        .isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void noArgumentsRunsTheDemo() {
    assertThat(Main.run(new Roles(List.of(role("demo", 7))), new String[0])).isEqualTo(7);
  }

  @Test
  void userErrorsBecomeTheirExitCode() {
    assertThat(Main.run(new Roles(List.of(role("x", 0))), new String[] {"x", "fail"})).isEqualTo(3);
  }

  @Test
  void usageListsEveryRole() {
    assertThat(new Roles(List.of(role("a", 0), role("b", 0))).usage()).contains("a", "b");
  }
}

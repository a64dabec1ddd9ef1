package io.l2prover.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import org.junit.jupiter.api.Test;

class BenchRoleTest {

  private final BenchRole bench = BenchRole.standard(CpuBackend::new);

  @Test
  void listsEveryBenchmark() {
    assertThat(bench.summary()).contains("exec", "stark", "gpu");
  }

  @Test
  void unknownBenchmarkIsAUsageError() {
    assertThatThrownBy(() -> bench.run(new String[] {"nope"}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("unknown benchmark 'nope'")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(2));
  }

  @Test
  void noBenchmarkPrintsUsageAndFails() throws Exception {
    assertThat(bench.run(new String[0])).isEqualTo(2);
  }

  @Test
  void executorBenchmarkRejectsUnknownFlags() {
    assertThatThrownBy(() -> bench.run(new String[] {"exec", "--bogus", "1"})).isInstanceOf(UserError.class);
  }
}

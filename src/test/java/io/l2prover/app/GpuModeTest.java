package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import org.junit.jupiter.api.Test;

class GpuModeTest {

  @Test
  void parsesTheThreeModesInAnyCase() {
    assertThat(GpuMode.parse("auto")).isEqualTo(GpuMode.AUTO);
    assertThat(GpuMode.parse("ON")).isEqualTo(GpuMode.ON);
    assertThat(GpuMode.parse(" off ")).isEqualTo(GpuMode.OFF);
    assertThat(GpuMode.parse("true")).isEqualTo(GpuMode.ON);
    assertThat(GpuMode.parse("0")).isEqualTo(GpuMode.OFF);
  }

  @Test
  void unsetMeansAuto() {
    assertThat(GpuMode.parse(null)).isEqualTo(GpuMode.AUTO);
    assertThat(GpuMode.parse("")).isEqualTo(GpuMode.AUTO);
  }

  @Test
  void rejectsAnythingElseNamingTheVariable() {
    assertThatThrownBy(() -> GpuMode.parse("cuda"))
        .isInstanceOf(UserError.class)
        .hasMessage("PROVER_GPU='cuda' is not a GPU mode: use auto, on or off");
  }
}

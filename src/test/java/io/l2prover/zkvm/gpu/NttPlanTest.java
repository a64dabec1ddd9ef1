package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NttPlanTest {

  @Test
  void spreadsStagesEvenlyOverTheFewestPasses() {
    NttPlan plan = NttPlan.forWidth(64);
    assertThat(plan.maxStages()).isEqualTo(8);
    assertThat(plan.passSizes(24)).containsExactly(8, 8, 8);
    assertThat(plan.passSizes(20)).containsExactly(7, 7, 6);
    assertThat(plan.passSizes(8)).containsExactly(8);
    assertThat(plan.passSizes(1)).containsExactly(1);
    assertThat(plan.passSizes(0)).isEmpty();
    for (int log = 1; log <= 27; log++) {
      int[] sizes = plan.passSizes(log);
      assertThat(Arrays.stream(sizes).sum()).isEqualTo(log);
      assertThat(Arrays.stream(sizes).min().getAsInt()).isGreaterThanOrEqualTo(1);
      assertThat(Arrays.stream(sizes).max().getAsInt()).isLessThanOrEqualTo(plan.maxStages());
      assertThat(sizes[0] - sizes[sizes.length - 1]).as("balanced").isBetween(0, 1);
    }
  }

  @Test
  void narrowMatricesGetNarrowTilesAndMoreStages() {
    assertThat(NttPlan.forWidth(1)).isEqualTo(new NttPlan(13, 0, 256));
    assertThat(NttPlan.forWidth(5)).isEqualTo(new NttPlan(10, 3, 256));
    assertThat(NttPlan.forWidth(32)).isEqualTo(new NttPlan(8, 5, 256));
    assertThat(NttPlan.forWidth(1000)).isEqualTo(new NttPlan(8, 5, 256));
  }

  @Test
  void blocksAreAtLeastAWarpAndFitTheDefaultSharedMemory() {
    NttPlan plan = NttPlan.forWidth(64);
    assertThat(plan.threads(1)).isEqualTo(32);
    assertThat(plan.threads(8)).isEqualTo(256);
    assertThat(plan.sharedBytes(8)).isEqualTo((8192 + 256) * 4).isLessThanOrEqualTo(48 * 1024);
  }
}

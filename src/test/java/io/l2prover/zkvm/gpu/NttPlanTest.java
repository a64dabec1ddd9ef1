package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NttPlanTest {

  private static final int H100_SHARED = 227 * 1024;

  @Test
  void spreadsStagesEvenlyOverTheFewestPasses() {
    NttPlan plan = NttPlan.forWidth(64, H100_SHARED);
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
    assertThat(NttPlan.forWidth(1, H100_SHARED)).isEqualTo(new NttPlan(13, 0, 256));
    assertThat(NttPlan.forWidth(5, H100_SHARED)).isEqualTo(new NttPlan(10, 3, 256));
    assertThat(NttPlan.forWidth(32, H100_SHARED)).isEqualTo(new NttPlan(8, 5, 256));
    assertThat(NttPlan.forWidth(64, H100_SHARED)).isEqualTo(new NttPlan(8, 6, 256));
    assertThat(NttPlan.forWidth(1000, H100_SHARED)).isEqualTo(new NttPlan(8, 6, 256));
  }

  @Test
  void theTileShrinksToFitTheDevicesSharedMemory() {
    // compute 7.5 allows 64 KiB per block: a 64-column tile of 2^8 rows and its twiddles do not fit
    NttPlan turing = NttPlan.forWidth(64, 64 * 1024);
    assertThat(turing).isEqualTo(new NttPlan(8, 5, 256));
    assertThat(turing.sharedBytes(turing.maxStages())).isLessThanOrEqualTo(64 * 1024);
    assertThat(NttPlan.forWidth(64, 48 * 1024)).isEqualTo(new NttPlan(8, 5, 256));
  }

  @Test
  void blocksAreAtLeastAWarpAndHoldTheTileAndItsTwiddles() {
    NttPlan plan = NttPlan.forWidth(64, H100_SHARED);
    assertThat(plan.threads(1)).as("one butterfly per column").isEqualTo(64);
    assertThat(NttPlan.forWidth(1, H100_SHARED).threads(1)).as("a warp at least").isEqualTo(32);
    assertThat(plan.threads(8)).isEqualTo(256);
    assertThat(plan.sharedBytes(8)).isEqualTo((16384 + 256) * 4).isLessThanOrEqualTo(H100_SHARED);
  }
}

package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.rv32im.Chip;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A segment's device memory from the circuit's real tables, and the largest po2 a memory size holds. */
class SegmentMemoryPlanTest {

  private static final Rv32imCircuit BLOCK = new Rv32imCircuit(GuestProgram.of(Program.fromElf(Guests.bundled("block"))));
  private static final FriParameters PARAMS = FriParameters.DEFAULT;

  @Test
  void theTraceLdesAreEveryTablesColumnsOnItsExtendedDomain() {
    SegmentMemoryPlan plan = SegmentMemoryPlan.of(BLOCK, PARAMS, 18);
    long words = 0;
    for (Chip chip : BLOCK.segmentChips()) {
      // The program and byte tables keep their own heights (2^16 here); every other table has 2^18 rows.
      int logRows = chip.preprocessedWidth() > 0 ? chip.minLogRows() : 18;
      words += (chip.preprocessedWidth() + chip.mainWidth() + 4L * chip.auxWidth()) << (logRows + PARAMS.logBlowup());
    }
    assertThat(plan.traceBytes()).isEqualTo(4 * words);
    assertThat(plan.totalBytes())
        .isEqualTo(plan.traceBytes() + plan.quotientBytes() + plan.merkleBytes() + plan.friBytes());
    // Four trees of 2^20 leaves (at blowup 4), every layer: 2^21 digests of 32 bytes each.
    assertThat(plan.merkleBytes()).isEqualTo(4L * (2L << 20) * 32);
  }

  @Test
  void eachPo2NeedsAboutTwiceTheOneBelow() {
    List<SegmentMemoryPlan> plans = SegmentMemoryPlan.range(BLOCK, PARAMS);
    assertThat(plans).extracting(SegmentMemoryPlan::po2).containsExactly(16, 17, 18, 19, 20, 21, 22);
    for (int i = 1; i < plans.size(); i++) {
      double ratio = plans.get(i).totalBytes() / (double) plans.get(i - 1).totalBytes();
      assertThat(ratio).isBetween(1.8, 2.01);
    }
  }

  @Test
  void theLargestFittingPo2IsTheLastWhoseTotalFits() {
    long po2Of20 = SegmentMemoryPlan.of(BLOCK, PARAMS, 20).totalBytes();
    assertThat(SegmentMemoryPlan.largestFitting(BLOCK, PARAMS, po2Of20)).hasValue(20);
    assertThat(SegmentMemoryPlan.largestFitting(BLOCK, PARAMS, po2Of20 - 1)).hasValue(19);
    assertThat(SegmentMemoryPlan.largestFitting(BLOCK, PARAMS, Long.MAX_VALUE)).hasValue(22);
    assertThat(SegmentMemoryPlan.largestFitting(BLOCK, PARAMS, 1L << 30)).isEmpty();
  }
}

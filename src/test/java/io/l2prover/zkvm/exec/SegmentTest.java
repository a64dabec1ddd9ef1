package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Segmentation at 2^po2 cycles: sizes, linked boundaries, touched pages, and results that do not depend on po2. */
class SegmentTest {

  private static final byte[] SORT = Guests.bundled("sort");
  private static final byte[] INPUT = {(byte) 0xd0, 0x07, 0, 0, 5, 0, 0, 0}; // 2000 values, seed 5

  @ParameterizedTest
  @ValueSource(ints = {8, 12, 16, 20})
  void segmentsAreAtMost2PowPo2CyclesAndLinkAtTheirBoundaries(int po2) {
    ExecutionResult r = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(po2));
    List<Segment> segments = r.segments();
    long size = 1L << po2;
    assertThat(segments).hasSize((int) ((r.cycles() + size - 1) / size));
    long start = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      assertThat(s.index()).isEqualTo(i);
      assertThat(s.startCycle()).isEqualTo(start);
      assertThat(s.cycles()).isEqualTo(i < segments.size() - 1 ? size : r.cycles() - start);
      assertThat(s.touchedPages()).isNotEmpty().isSorted();
      if (i > 0) {
        Segment previous = segments.get(i - 1);
        assertThat(s.startPc()).isEqualTo(previous.endPc());
        assertThat(s.startRegisters()).isEqualTo(previous.endRegisters());
      }
      start += s.cycles();
    }
    assertThat(segments.get(0).startPc()).isEqualTo(Program.fromElf(SORT).entry());
    assertThat(segments.get(0).startRegisters()).containsOnly(0);
  }

  @Test
  void resultsDoNotDependOnThePo2() {
    ExecutionResult small = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(10));
    ExecutionResult large = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(24));
    assertThat(small.cycles()).isEqualTo(large.cycles());
    assertThat(small.journal()).isEqualTo(large.journal());
    assertThat(small.stdout()).isEqualTo(large.stdout());
    assertThat(large.segments()).hasSize(1);
  }

  @Test
  void capturedPagesHoldTheMemoryEachSegmentStartedFrom() {
    ExecutionResult r = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(12).withCapturePages(true));
    for (Segment s : r.segments()) {
      assertThat(s.startPages()).extracting(PageImage::pageNumber)
          .containsExactlyElementsOf(java.util.Arrays.stream(s.touchedPages()).boxed().toList());
      assertThat(s.startPages()).allSatisfy(p -> assertThat(p.words()).hasSize(1024));
    }
    // The first segment touches the rodata page of the guest's constants as loaded from the ELF.
    Program program = Program.fromElf(SORT);
    LoadSegment rodata = program.segments().get(1);
    int page = rodata.address() >>> 12;
    PageImage image = r.segments().stream().flatMap(s -> s.startPages().stream())
        .filter(p -> p.pageNumber() == page).findFirst().orElseThrow();
    int firstWord = (rodata.data()[0] & 0xff) | (rodata.data()[1] & 0xff) << 8 | (rodata.data()[2] & 0xff) << 16
        | (rodata.data()[3] & 0xff) << 24;
    assertThat(image.words()[0]).isEqualTo(firstWord);
  }

  @Test
  void withoutCaptureNoPagesAreKept() {
    ExecutionResult r = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(12));
    assertThat(r.segments()).allSatisfy(s -> assertThat(s.startPages()).isEmpty());
  }

  @Test
  void maxCyclesStopsTheGuestAtExactlyTheLimit() {
    assertThatThrownBy(() -> Executor.run(SORT, INPUT, ExecutorOptions.defaults().withPo2(10).withMaxCycles(5000)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("after 5000 cycles")
        .hasMessageContaining("ran 5000 cycles without exiting");
  }

  @Test
  void aGuestExitingExactlyAtTheLimitIsFine() {
    long cycles = Executor.run(SORT, INPUT, ExecutorOptions.defaults()).cycles();
    ExecutionResult r = Executor.run(SORT, INPUT, ExecutorOptions.defaults().withMaxCycles(cycles));
    assertThat(r.cycles()).isEqualTo(cycles);
  }
}

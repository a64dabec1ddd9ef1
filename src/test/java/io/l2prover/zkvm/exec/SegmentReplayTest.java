package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replaying each segment alone, from its boundary state and captured pages, gives exactly the full run's trace. */
class SegmentReplayTest {

  private static final byte[] HELLO = Guests.bundled("hello");

  /** Every guest of TraceTest at po2 10, the smaller ones at po2 8 as well (each replay builds a fresh machine). */
  static Stream<Arguments> runs() {
    return TraceTest.guests().flatMap(g -> Stream.of(8, 10)
        .filter(po2 -> po2 == 10 || g.get()[0].equals("hello") || g.get()[0].equals("sha256"))
        .map(po2 -> Arguments.of(g.get()[0], g.get()[1], po2)));
  }

  @ParameterizedTest(name = "{0}, po2 {2}")
  @MethodSource("runs")
  void replayingEachSegmentAloneReproducesTheFullTrace(String guest, byte[] input, int po2) {
    Program program = Program.fromElf(Guests.bundled(guest));
    TraceBuffer full = new TraceBuffer();
    ExecutionResult traced = Executor.run(program, input, ExecutorOptions.defaults().withPo2(po2).withTrace(full));
    // The segments come from a fast (translated, untraced) run: that is how a prover gets them.
    ExecutionResult fast = Executor.run(program, input, ExecutorOptions.defaults().withPo2(po2).withCapturePages(true)
        .withTranslateAfter(1));
    assertThat(fast.segments()).hasSameSizeAs(traced.segments()).hasSizeGreaterThan(1);
    for (Segment segment : fast.segments()) {
      TraceBuffer alone = new TraceBuffer();
      SegmentReplay.run(program, input, segment, alone);
      assertThat((long) alone.size()).isEqualTo(segment.cycles());
      assertThat(alone.firstCycle()).isEqualTo(segment.startCycle());
      for (int i = 0; i < alone.size(); i++) {
        assertThat(alone.step(i)).as("segment %d, step %d", segment.index(), i)
            .isEqualTo(full.step((int) segment.startCycle() + i));
      }
    }
    Segment last = fast.segments().get(fast.segments().size() - 1);
    assertThat(last.end().halted()).isTrue();
    assertThat(last.end().journalLength()).isEqualTo(traced.journal().length);
    assertThat(last.end().inputPosition()).isEqualTo(input.length);
  }

  @Test
  void aSegmentThatDoesNotMatchItsRecordIsRefused() {
    byte[] input = "tamper".getBytes();
    Program program = Program.fromElf(HELLO);
    List<Segment> segments = Executor.run(program, input, ExecutorOptions.defaults().withPo2(8).withCapturePages(true))
        .segments();
    Segment s = segments.get(1);
    int[] registers = s.startRegisters();
    registers[2] += 16; // the stack pointer
    BoundaryState start = s.start();
    Segment tampered = new Segment(s.index(), s.startCycle(), s.cycles(), new BoundaryState(start.pc(), registers,
        start.inputPosition(), start.inputEndReported(), start.journalLength(), false), s.end(), s.touchedPages(),
        s.startPages());
    assertThatThrownBy(() -> SegmentReplay.run(program, input, tampered, step -> { }))
        .isInstanceOf(SegmentReplayException.class)
        .hasMessageStartingWith("replay of segment 1 (cycles 256..511) ");
    assertThatThrownBy(() -> SegmentReplay.run(program, "other".getBytes(), segments.get(0), step -> { }))
        .isInstanceOf(SegmentReplayException.class);
  }

  @Test
  void aSegmentWithoutCapturedPagesCannotBeReplayed() {
    Program program = Program.fromElf(HELLO);
    Segment s = Executor.run(program, new byte[0], ExecutorOptions.defaults().withPo2(8)).segments().get(0);
    assertThatThrownBy(() -> SegmentReplay.run(program, new byte[0], s, step -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capturePages");
  }
}

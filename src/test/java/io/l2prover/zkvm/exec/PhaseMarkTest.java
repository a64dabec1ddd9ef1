package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The zkVM-only phase call (a7 = 0x1000): markers at the exact cycle, in every engine. */
class PhaseMarkTest {

  private static final int MARKS = 1000;

  /**
   * s0 = 0; s1 = MARKS; a7 = 0x1000; loop { a0 = s0; ecall; s0++ } while s0 != s1; then exit
   * with a0, which is what the last phase call returned (0 unless it left a0 alone).
   */
  private static final byte[] ELF = markingLoop(MARKS);
  private static final long PROLOGUE = 4;
  private static final long LOOP = 4;
  private static final long TOTAL = PROLOGUE + LOOP * MARKS + 2;

  private static byte[] markingLoop(int marks) {
    return TinyElf.of(new Rv32Asm()
        .addi(8, 0, 0)
        .li(9, marks)
        .lui(17, 1)
        .addi(10, 8, 0)
        .ecall()
        .addi(8, 8, 1)
        .word(Rv32Asm.b(-12, 9, 8, 1))
        .addi(17, 0, 93)
        .ecall()
        .words(), 0);
  }

  private static List<PhaseMark> expectedMarks() {
    List<PhaseMark> marks = new ArrayList<>();
    for (int k = 0; k < MARKS; k++) {
      marks.add(new PhaseMark(k, PROLOGUE + LOOP * k + 1));
    }
    return marks;
  }

  @ParameterizedTest(name = "translate after {0}")
  @ValueSource(ints = {0, 1, 2, ExecutorOptions.DEFAULT_TRANSLATE_AFTER})
  void recordsEachMarkerAtItsCycleInBothEngines(int translateAfter) {
    for (int po2 : new int[] {ExecutorOptions.MIN_PO2, 5, ExecutorOptions.DEFAULT_PO2}) {
      ExecutionResult r = Executor.run(ELF, new byte[0],
          ExecutorOptions.defaults().withTranslateAfter(translateAfter).withPo2(po2));
      assertThat(r.exitCode()).as("a0 after the phase call").isZero();
      assertThat(r.cycles()).isEqualTo(TOTAL);
      assertThat(r.phaseMarks()).as("po2 %d", po2).isEqualTo(expectedMarks());
    }
  }

  @Test
  void tracedRunsRecordTheSameMarkersAndTraceTheZeroResult() {
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult r = Executor.run(ELF, new byte[0], ExecutorOptions.defaults().withTrace(trace));
    assertThat(r.phaseMarks()).isEqualTo(expectedMarks());
    TraceStep firstCall = trace.step((int) (PROLOGUE + 1));
    assertThat(firstCall.instruction()).isEqualTo(0x00000073);
    assertThat(firstCall.rd()).isEqualTo(10);
    assertThat(firstCall.rdValue()).isZero();
  }

  @Test
  void cyclesByPhaseSplitsTheRunAndSumsToItsCycles() {
    ExecutionResult r = Executor.run(ELF, new byte[0], ExecutorOptions.defaults());
    Map<Long, Long> split = r.cyclesByPhase();
    assertThat(split).hasSize(MARKS + 1);
    assertThat(split.keySet().iterator().next()).isEqualTo(ExecutionResult.UNMARKED);
    assertThat(split.get(ExecutionResult.UNMARKED)).isEqualTo(PROLOGUE + 1);
    assertThat(split.get(0L)).isEqualTo(LOOP);
    assertThat(split.get((long) MARKS - 1)).as("the last phase runs to the exit").isEqualTo(3 + 2);
    assertThat(split.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.cycles());
  }

  @Test
  void aRepeatedPhaseAddsUpAndARunWithoutMarkersIsAllUnmarked() {
    List<PhaseMark> marks = List.of(new PhaseMark(7, 10), new PhaseMark(8, 15), new PhaseMark(7, 40));
    ExecutionResult r = new ExecutionResult(0, 100, List.of(), new byte[0], new byte[0], new byte[0], 1, marks);
    assertThat(r.cyclesByPhase()).containsExactly(Map.entry(ExecutionResult.UNMARKED, 10L), Map.entry(7L, 5L + 60L),
        Map.entry(8L, 25L));
    ExecutionResult plain = new ExecutionResult(0, 100, List.of(), new byte[0], new byte[0], new byte[0], 1, List.of());
    assertThat(plain.cyclesByPhase()).containsExactly(Map.entry(ExecutionResult.UNMARKED, 100L));
  }

  @Test
  void idsAreUnsigned() {
    byte[] elf = TinyElf.of(new Rv32Asm().li(10, -1).lui(17, 1).ecall().exit(0).words(), 0);
    ExecutionResult r = Executor.run(elf, new byte[0], ExecutorOptions.defaults());
    assertThat(r.phaseMarks()).containsExactly(new PhaseMark(0xffff_ffffL, 3));
    assertThat(r.cyclesByPhase()).containsOnlyKeys(ExecutionResult.UNMARKED, 0xffff_ffffL);
  }

  @ParameterizedTest(name = "translate after {0}")
  @ValueSource(ints = {0, 1})
  void markingEveryIterationOfALoopIsAFaultNotAHostMemoryLeak(int translateAfter) {
    byte[] elf = markingLoop(Syscalls.MAX_PHASE_MARKS + 1);
    assertThatThrownBy(() -> Executor.run(elf, new byte[0],
        ExecutorOptions.defaults().withTranslateAfter(translateAfter)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("more than 65536 phase markers")
        .hasMessageContaining("after " + (PROLOGUE + LOOP * Syscalls.MAX_PHASE_MARKS + 1) + " cycles");
  }
}

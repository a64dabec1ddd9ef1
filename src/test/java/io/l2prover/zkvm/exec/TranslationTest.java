package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Translated execution matches interpretation exactly: outputs, cycle counts, segment boundaries and faults. */
class TranslationTest {

  private static final byte[] SORT_INPUT = {(byte) 0xb8, 0x0b, 0, 0, 3, 0, 0, 0}; // 3000 values, seed 3

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 50})
  void segmentsAndCyclesAreIdenticalToTheInterpreter(int translateAfter) {
    byte[] elf = Guests.bundled("sort");
    ExecutorOptions base = ExecutorOptions.defaults().withPo2(11);
    ExecutionResult interpreted = Executor.run(elf, SORT_INPUT, base.withTranslateAfter(0));
    ExecutionResult translated = Executor.run(elf, SORT_INPUT, base.withTranslateAfter(translateAfter));
    assertThat(translated.cycles()).isEqualTo(interpreted.cycles());
    assertThat(translated.journal()).isEqualTo(interpreted.journal());
    assertThat(translated.segments()).hasSameSizeAs(interpreted.segments());
    for (int i = 0; i < interpreted.segments().size(); i++) {
      Segment a = interpreted.segments().get(i);
      Segment b = translated.segments().get(i);
      assertThat(b.cycles()).isEqualTo(a.cycles());
      assertThat(b.endPc()).isEqualTo(a.endPc());
      assertThat(b.endRegisters()).isEqualTo(a.endRegisters());
      assertThat(b.touchedPages()).as("segment %d", i).isEqualTo(a.touchedPages());
    }
  }

  @Test
  void oneProgramRunsOnSeveralThreadsAtOnce() throws Exception {
    Program program = Program.fromElf(Guests.bundled("sort"));
    ExecutorOptions options = ExecutorOptions.defaults().withTranslateAfter(1);
    ExecutionResult expected = Executor.run(Program.fromElf(Guests.bundled("sort")), SORT_INPUT,
        options.withTranslateAfter(0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ExecutionResult>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> Executor.run(program, SORT_INPUT, options)));
      }
      for (Future<ExecutionResult> run : runs) {
        ExecutionResult r = run.get();
        assertThat(r.cycles()).isEqualTo(expected.cycles());
        assertThat(r.journal()).isEqualTo(expected.journal());
        assertThat(r.stdout()).isEqualTo(expected.stdout());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "fault {0}")
  @CsvSource({"4", "7", "8", "9", "11"})
  void faultsInTranslatedCodeReportThePcAndCycleOfTheInterpreter(int kind) {
    byte[] elf = Guests.bundled("faults");
    ExecutorOptions base = ExecutorOptions.defaults().withMaxCycles(50_000);
    GuestFault interpreted = catchFault(elf, kind, base.withTranslateAfter(0));
    assertThatThrownBy(() -> Executor.run(elf, new byte[] {(byte) kind}, base.withTranslateAfter(1)))
        .isInstanceOf(GuestFault.class)
        .hasMessage(interpreted.getMessage());
  }

  private static GuestFault catchFault(byte[] elf, int kind, ExecutorOptions options) {
    try {
      Executor.run(elf, new byte[] {(byte) kind}, options);
    } catch (GuestFault fault) {
      return fault;
    }
    throw new AssertionError("fault kind " + kind + " did not fault");
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Precompile calls through the machine: their cycles, segments that never split one, the flag, faults. */
class PrecompileCallTest {

  private static final int CALLS = 40;
  private static final int KECCAK_EXTRA = Precompiles.cycles(Precompiles.KECCAK_F) - 1;

  /** s0 = 0; s1 = calls; a7 = number; loop { a0 = DATA + offset; ecall; s0++ } while s0 != s1; exit(a0). */
  private static byte[] callLoop(int number, int calls, int offset) {
    return TinyElf.of(new Rv32Asm()
        .addi(8, 0, 0)
        .li(9, calls)
        .li(17, number)
        .li(10, TinyElf.DATA + offset)
        .ecall()
        .addi(8, 8, 1)
        .word(Rv32Asm.b(-16, 9, 8, 1))
        .addi(17, 0, 93)
        .ecall()
        .words(), 4096);
  }

  private static final long INSTRUCTIONS = 5 + 5L * CALLS + 2;
  private static final int ECALL_PC = TinyElf.TEXT + 4 * 7;

  @ParameterizedTest(name = "translate after {0}")
  @ValueSource(ints = {0, 1, ExecutorOptions.DEFAULT_TRANSLATE_AFTER})
  void aKeccakCallCostsItsDocumentedCycles(int translateAfter) {
    ExecutionResult r = Executor.run(callLoop(Precompiles.KECCAK_F, CALLS, 0), new byte[0],
        ExecutorOptions.defaults().withTranslateAfter(translateAfter));
    assertThat(r.exitCode()).isZero();
    assertThat(r.cycles()).isEqualTo(INSTRUCTIONS + (long) CALLS * KECCAK_EXTRA);
  }

  @ParameterizedTest(name = "call {0}")
  @ValueSource(ints = {0x1001, 0x1002, 0x1003, 0x1004, 0x1005, 0x1006, 0x1007})
  void switchedOffEveryCallAnswersEnosysInOneCycleAsQemuDoes(int number) {
    ExecutionResult r = Executor.run(callLoop(number, 1, 0), new byte[0],
        ExecutorOptions.defaults().withPrecompiles(false));
    assertThat(r.exitCode()).isEqualTo(-38);
    assertThat(r.cycles()).isEqualTo(5 + 5 + 2);
  }

  @ParameterizedTest(name = "translate after {0}")
  @ValueSource(ints = {0, 1, ExecutorOptions.DEFAULT_TRANSLATE_AFTER})
  void segmentsEndEarlyRatherThanSplitACall(int translateAfter) {
    int po2 = 8;
    ExecutionResult r = Executor.run(callLoop(Precompiles.KECCAK_F, CALLS, 0), new byte[0],
        ExecutorOptions.defaults().withPo2(po2).withTranslateAfter(translateAfter));
    assertThat(r.cycles()).isEqualTo(INSTRUCTIONS + (long) CALLS * KECCAK_EXTRA);
    List<Segment> segments = r.segments();
    long next = 0;
    boolean endedEarly = false;
    for (Segment s : segments) {
      assertThat(s.startCycle()).isEqualTo(next);
      assertThat(s.cycles()).isPositive().isLessThanOrEqualTo(1L << po2);
      endedEarly |= s.index() < segments.size() - 1 && s.cycles() < 1L << po2;
      next += s.cycles();
      if (s.index() > 0 && segments.get(s.index() - 1).cycles() < 1L << po2) {
        assertThat(s.startPc()).as("a segment after an early end starts at the call").isEqualTo(ECALL_PC);
      }
    }
    assertThat(next).isEqualTo(r.cycles());
    assertThat(endedEarly).as("some segment ended before a call that did not fit").isTrue();
  }

  @Test
  void aCallLargerThanASegmentIsAFault() {
    assertThatThrownBy(() -> Executor.run(callLoop(Precompiles.KECCAK_F, 1, 0), new byte[0],
        ExecutorOptions.defaults().withPo2(ExecutorOptions.MIN_PO2)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("ecall")
        .hasMessageContaining("costs " + (KECCAK_EXTRA + 1) + " cycles, more than a segment of 2^4 holds");
  }

  @Test
  void theCycleLimitCountsACallsCycles() {
    assertThatThrownBy(() -> Executor.run(callLoop(Precompiles.KECCAK_F, 1, 0), new byte[0],
        ExecutorOptions.defaults().withMaxCycles(100)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("ran 100 cycles without exiting");
  }

  @ParameterizedTest(name = "translate after {0}")
  @ValueSource(ints = {0, 1})
  void aMisalignedStateIsAGuestFaultAtTheEcall(int translateAfter) {
    assertThatThrownBy(() -> Executor.run(callLoop(Precompiles.KECCAK_F, 1, 2), new byte[0],
        ExecutorOptions.defaults().withTranslateAfter(translateAfter)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("(instruction 0x00000073: ecall) after 7 cycles")
        .hasMessageContaining("keccak_f state (a0) at 0x00020002 is not 4-byte aligned");
  }

  @Test
  void aTracedRunWithPrecompilesOffAnswersEnosys() {
    ExecutionResult off = Executor.run(callLoop(Precompiles.INVMOD256_HINT, 1, 0), new byte[0],
        ExecutorOptions.defaults().withTrace(new TraceBuffer()).withPrecompiles(false));
    assertThat(off.exitCode()).isEqualTo(-38);
  }

  @Test
  void aTracedKeccakCallIsOneStepCoveringItsCycles() {
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult r = Executor.run(callLoop(Precompiles.KECCAK_F, 3, 0), new byte[0],
        ExecutorOptions.defaults().withTrace(trace).withPrecompiles(ExecutorOptions.PROBE_BIT | ExecutorOptions.KECCAK_BIT));
    assertThat(r.cycles()).isEqualTo(5 + 5 * 3 + 2 + 3L * KECCAK_EXTRA);
    assertThat(trace.size()).isEqualTo(5 + 5 * 3 + 2);
    assertThat(trace.endCycle()).isEqualTo(r.cycles());
    TraceStep call = trace.step(7);
    assertThat(call.ecall().cycles()).isEqualTo(KECCAK_EXTRA + 1);
    assertThat(call.ecall().memory().stream().filter(WordAccess::write).map(WordAccess::address).distinct().count())
        .as("the state's words written").isEqualTo(50);
    assertThat(trace.step(8).cycle()).isEqualTo(call.cycle() + KECCAK_EXTRA + 1);
  }

  @Test
  void theProbeAnswersTheCallsThatAreOn() {
    int keccakOnly = ExecutorOptions.PROBE_BIT | ExecutorOptions.KECCAK_BIT;
    ExecutionResult r = Executor.run(callLoop(Precompiles.PROBE, 1, 0), new byte[0],
        ExecutorOptions.defaults().withPrecompiles(keccakOnly));
    assertThat(r.exitCode()).isEqualTo(keccakOnly);
    ExecutionResult mulmod = Executor.run(callLoop(Precompiles.INVMOD256_HINT, 1, 0), new byte[0],
        ExecutorOptions.defaults().withPrecompiles(keccakOnly));
    assertThat(mulmod.exitCode()).as("a call that is off").isEqualTo(-38);
    assertThatThrownBy(() -> ExecutorOptions.defaults().withPrecompiles(ExecutorOptions.KECCAK_BIT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves out the probe");
  }

  @Test
  void aSegmentReplaysOnlyWithThePrecompilesOfItsRun() {
    Program program = Program.fromElf(callLoop(Precompiles.KECCAK_F, 1, 0));
    ExecutorOptions options = ExecutorOptions.defaults().withPo2(ExecutorOptions.MIN_PO2).withCapturePages(true);
    Segment off = Executor.run(program, new byte[0], options.withPrecompiles(false)).segments().get(0);
    SegmentReplay.run(program, new byte[0], off, step -> { });
    Segment on = Executor.run(program, new byte[0], options.withPo2(8)).segments().get(0);
    assertThatThrownBy(() -> SegmentReplay.run(program, new byte[0], on, step -> { }))
        .isInstanceOf(SegmentReplayException.class)
        .hasMessageStartingWith("replay of segment 0 ");
    int keccak = ExecutorOptions.PROBE_BIT | ExecutorOptions.KECCAK_BIT;
    List<Segment> segments = Executor.run(program, new byte[0], options.withPo2(8).withPrecompiles(keccak)).segments();
    for (Segment s : segments) {
      SegmentReplay.run(program, new byte[0], s, keccak, step -> { });
    }
  }
}

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
  void aTracedRunRefusesPrecompileCallsUnlessTheyAreOff() {
    assertThatThrownBy(() -> Executor.run(callLoop(Precompiles.KECCAK_F, 1, 0), new byte[0],
        ExecutorOptions.defaults().withTrace(new TraceBuffer())))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("traced run")
        .hasMessageContaining("withPrecompiles(false)");
    ExecutionResult off = Executor.run(callLoop(Precompiles.KECCAK_F, 1, 0), new byte[0],
        ExecutorOptions.defaults().withTrace(new TraceBuffer()).withPrecompiles(false));
    assertThat(off.exitCode()).isEqualTo(-38);
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A step observer sees every instruction once, before it runs, at its cycle, and the run is the same without it. */
class StepObserverTest {

  private static final int CALLS = 40;

  private record Step(long cycle, int pc, int a7) {}

  private static List<Step> observe(byte[] elf, ExecutorOptions options, ExecutionResult[] result) {
    List<Step> steps = new ArrayList<>();
    result[0] = Executor.run(elf, new byte[0],
        options.withStepObserver((cycle, pc, registers) -> steps.add(new Step(cycle, pc, registers.applyAsInt(17)))));
    return steps;
  }

  @ParameterizedTest(name = "po2 {0}")
  @ValueSource(ints = {8, ExecutorOptions.DEFAULT_PO2})
  void everyInstructionIsSeenOnceWithAPrecompileCallsCyclesAndTheRunIsUnchanged(int po2) {
    byte[] elf = TestPrograms.keccakCalls(CALLS);
    ExecutorOptions options = ExecutorOptions.defaults().withPo2(po2);
    ExecutionResult plain = Executor.run(elf, new byte[0], options);
    ExecutionResult[] observed = new ExecutionResult[1];
    List<Step> steps = observe(elf, options, observed);

    assertThat(observed[0].cycles()).isEqualTo(plain.cycles());
    assertThat(observed[0].exitCode()).isEqualTo(plain.exitCode());
    assertThat(observed[0].journal()).isEqualTo(plain.journal());
    assertThat(observed[0].segments()).hasSameSizeAs(plain.segments());
    assertThat(steps.get(0).cycle()).isZero();
    int keccakCalls = 0;
    for (int i = 1; i < steps.size(); i++) {
      Step before = steps.get(i - 1);
      long gap = steps.get(i).cycle() - before.cycle();
      if (gap != 1) {
        assertThat(gap).as("cycles of the step at 0x%08x", before.pc()).isEqualTo(Precompiles.cycles(Precompiles.KECCAK_F));
        assertThat(before.a7()).isEqualTo(Precompiles.KECCAK_F);
        keccakCalls++;
      }
    }
    assertThat(keccakCalls).isEqualTo(CALLS);
    assertThat(steps.get(steps.size() - 1).cycle() + 1).as("the exit is the last step").isEqualTo(plain.cycles());
  }

  @Test
  void theStepsAreTheTracedRunsSteps() {
    byte[] elf = Guests.bundled("hello");
    byte[] input = "observer".getBytes();
    TraceBuffer trace = new TraceBuffer();
    Executor.run(elf, input, ExecutorOptions.defaults().withTrace(trace));
    List<Step> steps = new ArrayList<>();
    Executor.run(elf, input, ExecutorOptions.defaults()
        .withStepObserver((cycle, pc, registers) -> steps.add(new Step(cycle, pc, 0))));
    assertThat(steps).hasSize(trace.size());
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i).cycle()).isEqualTo(trace.step(i).cycle());
      assertThat(steps.get(i).pc()).isEqualTo(trace.step(i).pc());
    }
  }

  @Test
  void aRunIsTracedOrObservedNotBoth() {
    assertThatThrownBy(() -> ExecutorOptions.defaults().withTrace(new TraceBuffer())
        .withStepObserver((cycle, pc, registers) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traced or observed");
  }
}

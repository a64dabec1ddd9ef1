package io.l2prover.zkvm.exec;

import java.util.function.IntUnaryOperator;

/**
 * Runs the machine one instruction at a time for a {@link StepObserver}, as {@link Tracer} does for
 * a trace: the observer sees the state between steps, so the fast loops carry nothing for it.
 */
final class Stepper {

  private final StepObserver observer;
  /** The cycle of the last step shown: a precompile call that opens the next segment is not shown twice. */
  private long shown = -1;

  Stepper(StepObserver observer) {
    this.observer = observer;
  }

  /**
   * Runs up to {@code budget} cycles, stopping early at the exit or at a precompile call that does
   * not fit ({@link Machine#waitingCall}).
   */
  void run(Machine m, int budget) {
    IntUnaryOperator registers = m::register;
    long limit = m.cycles() + budget;
    m.limitCycles(budget);
    while (m.cycles() < limit && !m.halted()) {
      long cycle = m.cycles();
      if (cycle != shown) {
        observer.step(cycle, m.pc(), registers);
        shown = cycle;
      }
      if (m.run(1) == 0) {
        return; // a precompile call that does not fit: it starts the next segment
      }
    }
  }
}

package io.l2prover.zkvm.exec;

import java.util.function.IntUnaryOperator;

/**
 * Sees a run one instruction at a time, for profilers ({@link ExecutorOptions#withStepObserver}).
 *
 * <p>A run with an observer is interpreted step by step instead of through translated code, and
 * retires exactly the instructions and cycles it would retire without one (precompile and host
 * calls included); a run without one carries no observing code.
 */
@FunctionalInterface
public interface StepObserver {

  /**
   * The machine is about to run the instruction at {@code pc}, {@code cycle} cycles into the run
   * (a precompile call counts all its cycles, so the next step's cycle follows after them); each
   * instruction is shown once. {@code registers} reads x0..x31 as they are now, during this call only.
   */
  void step(long cycle, int pc, IntUnaryOperator registers);
}

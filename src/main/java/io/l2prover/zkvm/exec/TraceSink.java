package io.l2prover.zkvm.exec;

/**
 * Receives, cycle by cycle and in order, what the prover needs to build its trace: one
 * {@link TraceStep} per retired instruction. Registers read and written, the memory word of each
 * load and store, and each system call's memory words are all there, so a memory argument over
 * registers and memory can be built from these events alone.
 */
@FunctionalInterface
public interface TraceSink {

  /** {@link TraceStep#rd()} when the instruction writes no register. */
  int NO_REGISTER = -1;

  void step(TraceStep step);
}

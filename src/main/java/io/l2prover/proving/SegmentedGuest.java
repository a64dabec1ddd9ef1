package io.l2prover.proving;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.ImageId;

/** A guest whose runs on blocks are proven segment by segment on the proving workers. */
public interface SegmentedGuest {

  Program program();

  ImageId imageId();

  /** The segment size (po2) and output streams of the run. */
  ExecutorOptions options();

  /** The guest's input (fd 0) for {@code job}. */
  byte[] input(ProvingJob job);

  /**
   * Refuses a run that must not be proven (the guest rejected the block).
   *
   * @throws IllegalStateException saying why
   */
  void accept(ExecutionResult run, long blockNumber);
}

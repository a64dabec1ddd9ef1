package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.ExecutorOptions;

/** Executor options for tests: small segments, guest output discarded. */
final class SmallSegments {
  private SmallSegments() {}

  static ExecutorOptions options(int po2) {
    return ExecutorOptions.defaults().withPo2(po2).withOutput(OutputSinks.NULL, OutputSinks.NULL);
  }
}

package io.l2prover.zkvm.exec;

import java.util.List;

/**
 * What a guest run produced.
 *
 * @param exitCode the guest's exit code (a0 of its exit call)
 * @param cycles instructions retired, the exiting ecall included
 * @param segments the execution cut at 2^po2 cycles, in order
 * @param journal bytes written to fd 3, the public output
 * @param stdout bytes written to fd 1 (empty when they were streamed to {@link ExecutorOptions#stdout()})
 * @param stderr bytes written to fd 2 (empty when streamed)
 * @param nanos wall-clock time of the run
 */
public record ExecutionResult(int exitCode, long cycles, List<Segment> segments, byte[] journal, byte[] stdout,
    byte[] stderr, long nanos) {

  /** Millions of instructions per second. */
  public double mips() {
    return nanos == 0 ? 0 : cycles * 1000.0 / nanos;
  }
}

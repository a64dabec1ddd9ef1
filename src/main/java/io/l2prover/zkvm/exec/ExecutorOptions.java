package io.l2prover.zkvm.exec;

import java.io.OutputStream;

/**
 * How to run a guest.
 *
 * @param po2 segments hold at most 2^po2 cycles ({@link #MIN_PO2}..{@link #MAX_PO2})
 * @param maxCycles the guest faults when it would run longer
 * @param stdout where guest writes to fd 1 go; null keeps them in {@link ExecutionResult#stdout()}
 * @param stderr where guest writes to fd 2 go; null keeps them in {@link ExecutionResult#stderr()}
 * @param trace receives every cycle, or null for full speed
 * @param capturePages keep each segment's touched pages as it found them ({@link Segment#startPages()})
 */
public record ExecutorOptions(int po2, long maxCycles, OutputStream stdout, OutputStream stderr, TraceSink trace,
    boolean capturePages) {

  public static final int DEFAULT_PO2 = 20;
  public static final int MIN_PO2 = 4;
  public static final int MAX_PO2 = 30;
  public static final long DEFAULT_MAX_CYCLES = 1L << 40;

  public ExecutorOptions {
    if (po2 < MIN_PO2 || po2 > MAX_PO2) {
      throw new IllegalArgumentException("po2 " + po2 + " is outside " + MIN_PO2 + ".." + MAX_PO2);
    }
    if (maxCycles <= 0) {
      throw new IllegalArgumentException("max cycles must be positive, not " + maxCycles);
    }
  }

  /** Default segment size, no practical cycle limit, output captured, no trace. */
  public static ExecutorOptions defaults() {
    return new ExecutorOptions(DEFAULT_PO2, DEFAULT_MAX_CYCLES, null, null, null, false);
  }

  public ExecutorOptions withPo2(int value) {
    return new ExecutorOptions(value, maxCycles, stdout, stderr, trace, capturePages);
  }

  public ExecutorOptions withMaxCycles(long value) {
    return new ExecutorOptions(po2, value, stdout, stderr, trace, capturePages);
  }

  public ExecutorOptions withOutput(OutputStream out, OutputStream err) {
    return new ExecutorOptions(po2, maxCycles, out, err, trace, capturePages);
  }

  public ExecutorOptions withTrace(TraceSink value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, value, capturePages);
  }

  public ExecutorOptions withCapturePages(boolean value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, value);
  }
}

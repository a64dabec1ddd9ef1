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
 * @param translateAfter how often execution must arrive at a code address before the code from
 *     there is translated to JVM bytecode; 0 interprets everything (traced runs always interpret)
 * @param maxMemoryMiB the most guest memory (touched pages) the run may use; beyond it the guest faults
 * @param precompiles whether the precompile calls (0x1001..) exist; off, they answer -ENOSYS as
 *     under qemu and guests take their software paths (what a traced run for the prover needs
 *     until the precompile chips exist)
 */
public record ExecutorOptions(int po2, long maxCycles, OutputStream stdout, OutputStream stderr, TraceSink trace,
    boolean capturePages, int translateAfter, int maxMemoryMiB, boolean precompiles) {

  public static final int DEFAULT_PO2 = 20;
  public static final int MIN_PO2 = 4;
  public static final int MAX_PO2 = 30;
  public static final long DEFAULT_MAX_CYCLES = 1L << 40;
  public static final int DEFAULT_TRANSLATE_AFTER = 200;
  public static final int DEFAULT_MAX_MEMORY_MIB = 1024;

  public ExecutorOptions {
    if (po2 < MIN_PO2 || po2 > MAX_PO2) {
      throw new IllegalArgumentException("po2 " + po2 + " is outside " + MIN_PO2 + ".." + MAX_PO2);
    }
    if (translateAfter < 0) {
      throw new IllegalArgumentException("translateAfter must be >= 0, not " + translateAfter);
    }
    if (maxMemoryMiB < 1 || maxMemoryMiB > 4096) {
      throw new IllegalArgumentException("maxMemoryMiB " + maxMemoryMiB + " is outside 1..4096");
    }
    if (maxCycles <= 0) {
      throw new IllegalArgumentException("max cycles must be positive, not " + maxCycles);
    }
  }

  /** Default segment size, no practical cycle limit, output captured, no trace, precompiles on. */
  public static ExecutorOptions defaults() {
    return new ExecutorOptions(DEFAULT_PO2, DEFAULT_MAX_CYCLES, null, null, null, false, DEFAULT_TRANSLATE_AFTER,
        DEFAULT_MAX_MEMORY_MIB, true);
  }

  public ExecutorOptions withPo2(int value) {
    return new ExecutorOptions(value, maxCycles, stdout, stderr, trace, capturePages, translateAfter, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withMaxCycles(long value) {
    return new ExecutorOptions(po2, value, stdout, stderr, trace, capturePages, translateAfter, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withOutput(OutputStream out, OutputStream err) {
    return new ExecutorOptions(po2, maxCycles, out, err, trace, capturePages, translateAfter, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withTrace(TraceSink value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, value, capturePages, translateAfter, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withTranslateAfter(int value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, capturePages, value, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withMaxMemoryMiB(int value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, capturePages, translateAfter, value, precompiles);
  }

  public ExecutorOptions withCapturePages(boolean value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, value, translateAfter, maxMemoryMiB, precompiles);
  }

  public ExecutorOptions withPrecompiles(boolean value) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, capturePages, translateAfter, maxMemoryMiB, value);
  }
}

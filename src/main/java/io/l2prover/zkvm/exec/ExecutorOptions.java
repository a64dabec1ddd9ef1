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
 * @param precompiles the precompile calls that exist, as the probe (0x1001) reports them: bit
 *     {@code n - 0x1000} for call n ({@link #ALL_PRECOMPILES}, or 0 for none); a call whose bit
 *     is clear answers -ENOSYS in one cycle, as under qemu, and guests take their software paths.
 *     A proven run has only the calls with chips ({@code CompositeProver.PROVEN_PRECOMPILES})
 */
public record ExecutorOptions(int po2, long maxCycles, OutputStream stdout, OutputStream stderr, TraceSink trace,
    boolean capturePages, int translateAfter, int maxMemoryMiB, int precompiles) {

  public static final int DEFAULT_PO2 = 20;
  public static final int MIN_PO2 = 4;
  public static final int MAX_PO2 = 30;
  public static final long DEFAULT_MAX_CYCLES = 1L << 40;
  public static final int DEFAULT_TRANSLATE_AFTER = 200;
  public static final int DEFAULT_MAX_MEMORY_MIB = 1024;
  /** Every precompile call, 0x1001..0x1007: the probe's answer with all of them on (0xfe). */
  public static final int ALL_PRECOMPILES = Precompiles.ALL;
  /** The probe's bit (call 0x1001): on whenever any call is. */
  public static final int PROBE_BIT = 1 << (Precompiles.PROBE - 0x1000);
  /** Keccak-f[1600]'s bit (call 0x1002). */
  public static final int KECCAK_BIT = 1 << (Precompiles.KECCAK_F - 0x1000);

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
    if ((precompiles & ~ALL_PRECOMPILES) != 0) {
      throw new IllegalArgumentException(String.format("precompile mask 0x%x names calls outside 0x%x", precompiles,
          ALL_PRECOMPILES));
    }
    if (precompiles != 0 && (precompiles & PROBE_BIT) == 0) {
      throw new IllegalArgumentException(String.format(
          "precompile mask 0x%x leaves out the probe (bit 1, call 0x1001), which guests ask first", precompiles));
    }
    if (maxCycles <= 0) {
      throw new IllegalArgumentException("max cycles must be positive, not " + maxCycles);
    }
  }

  /** Default segment size, no practical cycle limit, output captured, no trace, precompiles on. */
  public static ExecutorOptions defaults() {
    return new ExecutorOptions(DEFAULT_PO2, DEFAULT_MAX_CYCLES, null, null, null, false, DEFAULT_TRANSLATE_AFTER,
        DEFAULT_MAX_MEMORY_MIB, ALL_PRECOMPILES);
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

  /** Every precompile on, or none (each answers -ENOSYS, as under qemu). */
  public ExecutorOptions withPrecompiles(boolean value) {
    return withPrecompiles(value ? ALL_PRECOMPILES : 0);
  }

  /** Only the calls whose bits are set in {@code mask} (bit {@code n - 0x1000} for call n). */
  public ExecutorOptions withPrecompiles(int mask) {
    return new ExecutorOptions(po2, maxCycles, stdout, stderr, trace, capturePages, translateAfter, maxMemoryMiB, mask);
  }
}

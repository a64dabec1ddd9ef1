package io.l2prover.util;

import java.util.stream.IntStream;

/** Splits a loop over [0, n) into chunks run side by side on the common fork-join pool. */
public final class ParallelRanges {

  /** Elements per chunk for the cheap per-element loops (transposes, selector tables). */
  public static final int GRAIN = 1 << 12;

  /** One chunk's work: elements {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  public interface Body {
    void run(int from, int to);
  }

  private ParallelRanges() {}

  /**
   * Runs {@code body} over [0, n) in chunks of {@code grain} elements (the last shorter); on the
   * calling thread alone when one chunk covers it. Each chunk must touch only its own elements.
   */
  public static void run(int n, int grain, Body body) {
    if (grain < 1) {
      throw new IllegalArgumentException("grain must be positive, got " + grain);
    }
    int chunks = (int) ((n + (long) grain - 1) / grain);
    if (chunks <= 1) {
      body.run(0, n);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> body.run(c * grain, (int) Math.min(n, (long) (c + 1) * grain)));
  }
}

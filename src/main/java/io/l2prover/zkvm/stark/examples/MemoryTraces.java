package io.l2prover.zkvm.stark.examples;

import io.l2prover.zkvm.field.BabyBear;

/** Column indices of {@link MemoryAir}'s execution log and ways to corrupt it, for soundness tests and tools. */
public final class MemoryTraces {

  public static final int ADDRESS = MemoryAir.ADDR;
  public static final int VALUE = MemoryAir.VAL;
  public static final int IS_WRITE = MemoryAir.WRITE;

  private MemoryTraces() {}

  /** Recomputes the sorted copy, gaps and range multiplicities from the execution log. */
  public static void rebuildSorted(int[][] main) {
    MemoryAir.fillSorted(main);
  }

  /**
   * Makes the first read return a value other than the memory's, then rebuilds the sorted copy
   * and range columns consistently, so only the read rule is broken. Returns the row changed.
   */
  public static int corruptFirstRead(int[][] main) {
    for (int r = 0; r < main[VALUE].length; r++) {
      if (main[IS_WRITE][r] == 0) {
        main[VALUE][r] = BabyBear.add(main[VALUE][r], 1);
        MemoryAir.fillSorted(main);
        return r;
      }
    }
    throw new IllegalArgumentException("trace has no read");
  }
}

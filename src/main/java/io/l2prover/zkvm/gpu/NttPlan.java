package io.l2prover.zkvm.gpu;

/**
 * How the NTT kernel splits a transform into passes: each pass runs up to {@code maxStages}
 * butterfly stages in shared memory on tiles of 2^logTile columns, and the stages are spread
 * evenly over the fewest passes. The host tests (native/cuda/test) drive the kernel code with the
 * same plan.
 */
record NttPlan(int maxStages, int logTile) {

  /** Words of shared memory one block may use: 32 KiB keeps several blocks per multiprocessor. */
  static final int LOG_SHARED_WORDS = 13;

  /** Tiles of 8 columns (one 32-byte sector per row) for wide matrices, fewer for narrow ones. */
  static NttPlan forWidth(int width) {
    int logTile = Math.min(3, 32 - Integer.numberOfLeadingZeros(Math.max(1, width) - 1));
    return new NttPlan(LOG_SHARED_WORDS - logTile, logTile);
  }

  /** The stages of each pass for a transform of 2^logN points, balanced. */
  int[] passSizes(int logN) {
    int passes = (logN + maxStages - 1) / maxStages;
    int[] sizes = new int[passes];
    int left = logN;
    for (int i = 0; i < passes; i++) {
      sizes[i] = (left + (passes - i) - 1) / (passes - i);
      left -= sizes[i];
    }
    return sizes;
  }

  /** Threads per block for a pass of k stages: one per butterfly column pair, 32..256. */
  int threads(int k) {
    int butterflies = (1 << k) << logTile >> 1;
    return Math.max(32, Math.min(256, butterflies));
  }
}

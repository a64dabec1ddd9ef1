package io.l2prover.zkvm.gpu;

/**
 * How the NTT kernel splits a transform into passes: each pass runs up to {@code maxStages}
 * butterfly stages in shared memory on tiles of 2^logTile columns with {@code threads}-thread
 * blocks, and the stages are spread evenly over the fewest passes. The host tests
 * (native/cuda/test) drive the kernel code with such plans.
 */
record NttPlan(int maxStages, int logTile, int threads) {

  /** Default shared-memory tile: 2^13 words (32 KiB) keeps several blocks per multiprocessor. */
  static final int LOG_SHARED_WORDS = 13;

  /** Widest tile: 32 columns, so a warp reads 128 contiguous bytes of a row. */
  static final int MAX_LOG_TILE = 5;

  /**
   * Tiles of 32 columns for wide matrices (one 128-byte line per row and warp), as many columns
   * as there are for narrower ones, with 256-thread blocks: the fastest of the plans measured on
   * an H100 (docs/gpu.md).
   */
  static NttPlan forWidth(int width) {
    int logTile = Math.min(MAX_LOG_TILE, 32 - Integer.numberOfLeadingZeros(Math.max(1, width) - 1));
    return new NttPlan(LOG_SHARED_WORDS - logTile, logTile, 256);
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

  /** Threads per block for a pass of k stages: no more than there are butterfly columns, at least a warp. */
  int threads(int k) {
    int butterflies = (1 << k) << logTile >> 1;
    return Math.max(32, Math.min(threads, butterflies));
  }

  /** Shared memory of a pass of k stages, in bytes: the tile, then the block's 2^k twiddles. */
  int sharedBytes(int k) {
    return ((1 << k << logTile) + (1 << k)) * Integer.BYTES;
  }
}

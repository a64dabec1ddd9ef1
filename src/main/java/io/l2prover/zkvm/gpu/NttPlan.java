package io.l2prover.zkvm.gpu;

/**
 * How the NTT kernel splits a transform into passes: each pass runs up to {@code maxStages}
 * butterfly stages in shared memory on tiles of 2^logTile columns with {@code threads}-thread
 * blocks, and the stages are spread evenly over the fewest passes. The host tests
 * (native/cuda/test) drive the kernel code with such plans.
 */
record NttPlan(int maxStages, int logTile, int threads) {

  /** Shared-memory tile of narrow matrices: 2^13 words (32 KiB) keeps several blocks per multiprocessor. */
  static final int LOG_SHARED_WORDS = 13;

  /** Stages per pass at least: three passes up to 2^24 rows. */
  static final int MIN_STAGES = 8;

  /** Widest tile: 64 columns, a whole 256-byte row of a 64-column matrix per access. */
  static final int MAX_LOG_TILE = 6;

  /**
   * Tiles of up to 64 columns (whole rows of the usual 64-column matrices), as many columns as
   * there are for narrower ones, at least 8 stages per pass, 256-thread blocks: the fastest of the
   * plans measured on an H100 (docs/gpu.md). Where the widest tile's block does not fit the
   * device's shared memory (64 KiB on compute 7.5), the tile is halved until it does.
   */
  static NttPlan forWidth(int width, int maxSharedBytes) {
    int logTile = Math.min(MAX_LOG_TILE, 32 - Integer.numberOfLeadingZeros(Math.max(1, width) - 1));
    NttPlan plan = withTile(logTile);
    while (plan.sharedBytes(plan.maxStages()) > maxSharedBytes && plan.logTile() > 0) {
      plan = withTile(plan.logTile() - 1);
    }
    return plan;
  }

  private static NttPlan withTile(int logTile) {
    return new NttPlan(Math.max(MIN_STAGES, LOG_SHARED_WORDS - logTile), logTile, 256);
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

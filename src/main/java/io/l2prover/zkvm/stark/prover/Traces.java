package io.l2prover.zkvm.stark.prover;

import io.l2prover.util.ParallelRanges;

/** Layout conversions between the AIR's column-major traces and the backends' row-major matrices. */
final class Traces {

  private Traces() {}

  static int[] rowMajor(int[][] columns, int rows) {
    int width = columns.length;
    int[] out = new int[width * rows];
    // Blocks of rows side by side: a 2^20-row trace is hundreds of MB, too long for one thread.
    ParallelRanges.run(rows, ParallelRanges.GRAIN, (from, to) -> {
      for (int c = 0; c < width; c++) {
        int[] col = columns[c];
        for (int r = from; r < to; r++) {
          out[r * width + c] = col[r];
        }
      }
    });
    return out;
  }
}

package io.l2prover.zkvm.stark.prover;

/** Layout conversions between the AIR's column-major traces and the backends' row-major matrices. */
final class Traces {

  private Traces() {}

  static int[] rowMajor(int[][] columns, int rows) {
    int width = columns.length;
    int[] out = new int[width * rows];
    for (int c = 0; c < width; c++) {
      int[] col = columns[c];
      for (int r = 0; r < rows; r++) {
        out[r * width + c] = col[r];
      }
    }
    return out;
  }
}

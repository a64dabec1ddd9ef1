package io.l2prover.zkvm.stark.ntt;

/**
 * The columns of a row-major matrix as arrays of their own, and back. A narrow matrix is
 * transformed column by column: a column's consecutive butterflies have consecutive twiddles,
 * which the SIMD column loops of {@link RowPair} need, while a narrow row is too short for them.
 */
final class Columns {

  /** Rows per chunk of {@link #join}: a chunk of the output stays in cache across the columns. */
  static final int JOIN_CHUNK_ELEMENTS = 1 << 14;

  private Columns() {}

  /** Column c of the first height rows, as its own array. */
  static int[][] split(int[] matrix, int width, int height) {
    int[][] cols = new int[width][height];
    for (int r = 0; r < height; r++) {
      int at = r * width;
      for (int c = 0; c < width; c++) {
        cols[c][r] = matrix[at + c];
      }
    }
    return cols;
  }

  /** Rows [from, to) of the row-major matrix from its columns. */
  static void join(int[][] cols, int[] matrix, int width, int from, int to) {
    int chunk = Math.max(1, JOIN_CHUNK_ELEMENTS / width);
    for (int r0 = from; r0 < to; r0 += chunk) {
      int r1 = Math.min(to, r0 + chunk);
      for (int c = 0; c < width; c++) {
        int[] col = cols[c];
        for (int r = r0; r < r1; r++) {
          matrix[r * width + c] = col[r];
        }
      }
    }
  }
}

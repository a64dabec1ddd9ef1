package io.l2prover.zkvm.stark.ntt;

/**
 * The last four levels of one column's DIF (the first four of its DIT) on an in-cache block:
 * their butterflies pair elements less than 16 apart, too close for the column runs of
 * {@link RowPair#difColumn}, so the block, read as len/16 rows of 16, is transposed to 16 rows
 * of len/16 and those levels run as a transform of height 16 in the SIMD row loops of
 * {@link RowQuad}, then transposed back. Holds its buffers: one per thread and block length.
 */
final class ColumnTail {

  /** The transform height the tail covers (its levels: halves 8, 4, 2, 1). */
  static final int ROWS = 16;
  /** The smallest block: after the transposition a row has SIMD width. */
  static final int MIN_LEN = ROWS * Butterfly.ROW_PAIR_WIDTH;

  private final int width;
  private final int[] t;
  private final RowPair rows;
  private final RowQuad quad;

  ColumnTail(int len) {
    width = len / ROWS;
    t = new int[len];
    rows = new RowPair(width);
    quad = new RowQuad(width);
  }

  int length() {
    return t.length;
  }

  /** DIF levels of halves 8, 4, 2, 1 on the block of {@link #length} elements of {@code a} at {@code s}. */
  void dif(int[] a, int s, int[] tw) {
    transposeIn(a, s);
    Butterfly.difLevels2(t, width, 0, 4, 0, 4, tw, quad, rows);
    for (int b = 0; b < ROWS; b += 4) {
      Butterfly.difLevels2(t, width, b, 1, 0, 1, tw, quad, rows);
    }
    transposeOut(a, s);
  }

  /** DIT levels of halves 1, 2, 4, 8 on the block at {@code s}. */
  void dit(int[] a, int s, int[] tw) {
    transposeIn(a, s);
    for (int b = 0; b < ROWS; b += 4) {
      Butterfly.ditLevels2(t, width, b, 1, 0, 1, tw, quad, rows);
    }
    Butterfly.ditLevels2(t, width, 0, 4, 0, 4, tw, quad, rows);
    transposeOut(a, s);
  }

  private void transposeIn(int[] a, int s) {
    for (int r = 0; r < width; r++) {
      int at = s + ROWS * r;
      for (int c = 0; c < ROWS; c++) {
        t[c * width + r] = a[at + c];
      }
    }
  }

  private void transposeOut(int[] a, int s) {
    for (int r = 0; r < width; r++) {
      int at = s + ROWS * r;
      for (int c = 0; c < ROWS; c++) {
        a[at + c] = t[c * width + r];
      }
    }
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;

/** A chip's main trace under construction: column-major cells addressed by {@link Col}s. */
public final class TraceTable {

  /**
   * The shortest table: batched FRI folds down to 2^3 values (its final degree), and a table joins
   * the fold at its own height, so no table may be shorter.
   */
  public static final int MIN_ROWS = 8;

  private final int[][] columns;
  private final int rows;

  public TraceTable(int width, int rows) {
    if (Integer.bitCount(rows) != 1) {
      throw new IllegalArgumentException("trace height " + rows + " is not a power of two");
    }
    this.columns = new int[width][rows];
    this.rows = rows;
  }

  public int rows() {
    return rows;
  }

  /** Sets a cell to a field element given as a (possibly negative) integer. */
  public void set(Col c, int row, long value) {
    columns[c.index()][row] = BabyBear.fromLong(value);
  }

  /** Sets a cell to the field element 1 or 0. */
  public void set(Col c, int row, boolean value) {
    columns[c.index()][row] = value ? 1 : 0;
  }

  /** Writes the four bytes of {@code value} into {@code w}. */
  public void set(Word w, int row, int value) {
    for (int i = 0; i < 4; i++) {
      columns[w.bytes().get(i).index()][row] = (value >>> (8 * i)) & 0xff;
    }
  }

  public int get(Col c, int row) {
    return columns[c.index()][row];
  }

  /** The word held by the byte columns of {@code w} (bytes assumed in range). */
  public int get(Word w, int row) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= columns[w.bytes().get(i).index()][row] << (8 * i);
    }
    return v;
  }

  /** The cells, column-major; the table should not be changed after this. */
  public int[][] columns() {
    return columns;
  }

  /** The smallest power-of-two height, at least {@code minRows}, holding {@code used} rows. */
  public static int heightFor(int used, int minRows) {
    int h = Math.max(minRows, MIN_ROWS);
    while (h < used) {
      h <<= 1;
    }
    return h;
  }
}

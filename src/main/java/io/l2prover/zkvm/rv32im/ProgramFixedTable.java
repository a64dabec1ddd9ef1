package io.l2prover.zkvm.rv32im;

/**
 * A preprocessed table fixed by the guest's ELF, of one height chosen for that program (the
 * program and image tables): the height is part of the image commitment, so the table refuses
 * any other. Subclasses write their present rows and a final column marking them present.
 */
abstract class ProgramFixedTable extends Chip {

  private final int logRows;
  private final int width;

  /** @param width preprocessed columns, the last being the present flag */
  ProgramFixedTable(String name, int logRows, int width) {
    super(name);
    this.logRows = logRows;
    this.width = width;
  }

  public final int logRows() {
    return logRows;
  }

  @Override
  public final int preprocessedWidth() {
    return width;
  }

  @Override
  public final int minLogRows() {
    return logRows;
  }

  @Override
  public final int[][] preprocessedTrace(int log) {
    if (log != logRows) {
      throw new IllegalArgumentException("this " + name() + " table has 2^" + logRows + " rows, not 2^" + log);
    }
    int[][] pre = new int[width][1 << logRows];
    fill(pre);
    return pre;
  }

  /** Writes the present rows into the zeroed columns {@code pre}. */
  abstract void fill(int[][] pre);
}

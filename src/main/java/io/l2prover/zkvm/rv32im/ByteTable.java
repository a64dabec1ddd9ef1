package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * The fixed table of every byte pair (x, y) with x & y, x | y, x ^ y and the sign bit of x: the
 * range checks and bitwise operations of every other chip are lookups into it. Its columns
 * are preprocessed (the verifier knows them); only the multiplicities are the prover's.
 */
public final class ByteTable extends Chip {

  public static final int LOG_ROWS = 16;
  private static final int X = 0;
  private static final int Y = 1;
  private static final int PRE_WIDTH = 2 + ByteOp.values().length - 1;

  private final List<Col> multiplicity = layout.cols("multiplicity", ByteOp.values().length);

  public ByteTable() {
    super("bytes");
    for (ByteOp op : ByteOp.values()) {
      Expr z = op == ByteOp.RANGE ? Expr.constant(0) : Expr.preprocessed(resultColumn(op));
      receive(op.name(), Bus.BYTE, multiplicity.get(op.ordinal()).cur(),
          tuple(op.id(), Expr.preprocessed(X), Expr.preprocessed(Y), z));
    }
  }

  private static int resultColumn(ByteOp op) {
    return 2 + op.ordinal() - 1;
  }

  @Override
  public int preprocessedWidth() {
    return PRE_WIDTH;
  }

  @Override
  public int minLogRows() {
    return LOG_ROWS;
  }

  @Override
  public int[][] preprocessedTrace(int logRows) {
    if (logRows != LOG_ROWS) {
      throw new IllegalArgumentException("the byte table has exactly 2^" + LOG_ROWS + " rows, not 2^" + logRows);
    }
    int rows = 1 << LOG_ROWS;
    int[][] pre = new int[PRE_WIDTH][rows];
    for (int r = 0; r < rows; r++) {
      int x = r & 0xff;
      int y = r >>> 8;
      pre[X][r] = x;
      pre[Y][r] = y;
      for (ByteOp op : ByteOp.values()) {
        if (op != ByteOp.RANGE) {
          pre[resultColumn(op)][r] = op.apply(x, y);
        }
      }
    }
    return pre;
  }

  /** The row holding (x, y). */
  public static int row(int x, int y) {
    return (x & 0xff) | (y & 0xff) << 8;
  }

  /** The multiplicity column of {@code op}. */
  public Col multiplicity(ByteOp op) {
    return multiplicity.get(op.ordinal());
  }

  /** The table's trace: how often the {@code lookers} use each (op, x, y) entry. */
  public ChipTrace trace(List<ChipTrace> lookers) {
    TraceTable t = new TraceTable(mainWidth(), 1 << LOG_ROWS);
    int[][] counts = new int[ByteOp.values().length][1 << LOG_ROWS];
    BusBalance.forEachLookup(lookers, Bus.BYTE, (tuple, m) -> {
      int op = tuple[0];
      if (op >= 0 && op < counts.length && tuple[1] < 256 && tuple[2] < 256) {
        int row = row(tuple[1], tuple[2]);
        counts[op][row] = io.l2prover.zkvm.field.BabyBear.add(counts[op][row], m);
      }
    });
    int[][] main = t.columns();
    for (ByteOp op : ByteOp.values()) {
      main[multiplicity(op).index()] = counts[op.id()];
    }
    return new ChipTrace(this, preprocessedTrace(LOG_ROWS), main, new int[0]);
  }
}

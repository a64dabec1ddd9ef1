package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program: one preprocessed row per instruction of the guest's executable segments, with
 * what the CPU must do there ({@link ProgramField}). Its commitment is part of the image ID, so
 * a proof for another program does not verify. The only main column counts how often the CPU
 * executed each instruction; rows past the program are marked absent and cannot be used.
 */
public final class ProgramTable extends ProgramFixedTable {

  private static final int PRESENT = ProgramField.values().length;

  private final Col multiplicity = layout.col("multiplicity");
  private final List<ProgramRow> rows;
  private final Map<Integer, Integer> rowOfPc = new HashMap<>();

  public ProgramTable(List<ProgramRow> rows) {
    this(rows, Integer.numberOfTrailingZeros(TraceTable.heightFor(rows.size(), 2)));
  }

  /**
   * The table as a verifier knows it: its height only (the columns are known through their
   * commitment, which the image ID binds).
   */
  public static ProgramTable ofHeight(int logRows) {
    return new ProgramTable(List.of(), logRows);
  }

  private ProgramTable(List<ProgramRow> rows, int logRows) {
    super("program", logRows, PRESENT + 1);
    this.rows = List.copyOf(rows);
    if (rows.size() > 1 << logRows) {
      throw new IllegalArgumentException(rows.size() + " instructions do not fit 2^" + logRows + " rows");
    }
    for (int i = 0; i < this.rows.size(); i++) {
      if (rowOfPc.put(this.rows.get(i).pc(), i) != null) {
        throw new IllegalArgumentException("two program rows for pc " + Integer.toHexString(this.rows.get(i).pc()));
      }
    }
    require("absent rows are never executed",
        Expr.constant(1).minus(Expr.preprocessed(PRESENT)).times(multiplicity.cur()));
    List<Expr> fields = new ArrayList<>();
    for (ProgramField f : ProgramField.values()) {
      fields.add(Expr.preprocessed(f.ordinal()));
    }
    receive("instruction", Bus.PROGRAM, multiplicity.cur(), fields);
  }

  public List<ProgramRow> rows() {
    return rows;
  }

  /** The row at {@code pc}, or -1 when no instruction is there. */
  public int rowOf(int pc) {
    return rowOfPc.getOrDefault(pc, -1);
  }

  @Override
  void fill(int[][] pre) {
    for (int r = 0; r < rows.size(); r++) {
      ProgramRow row = rows.get(r);
      for (ProgramField f : ProgramField.values()) {
        pre[f.ordinal()][r] = BabyBear.fromLong(f.of(row));
      }
      pre[PRESENT][r] = 1;
    }
  }

  /** The table's trace: how often the CPU rows among {@code lookers} executed each instruction. */
  public ChipTrace trace(List<ChipTrace> lookers) {
    int[] counts = new int[1 << logRows()];
    BusBalance.forEachLookup(lookers, Bus.PROGRAM, (tuple, m) -> {
      int r = rowOf(tuple[ProgramField.PC.ordinal()]);
      if (r >= 0) {
        counts[r] = BabyBear.add(counts[r], m);
      }
    });
    int[][] main = new int[mainWidth()][];
    main[multiplicity.index()] = counts;
    return new ChipTrace(this, preprocessedTrace(logRows()), main, new int[0]);
  }
}

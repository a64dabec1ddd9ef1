package io.l2prover.zkvm.stark.air;

import io.l2prover.util.ParallelRanges;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.CpuQuotientKernel;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Evaluates an AIR's constraints on every row of a concrete trace and names the first row and
 * constraint that fail: the tool that tells an AIR author what is wrong before a proof is made.
 * It reads the same {@link Expr} definitions the prover and verifier use.
 */
public final class DebugChecker {

  private DebugChecker() {}

  /** Checks the preprocessed and main constraints. */
  public static Optional<ConstraintFailure> checkMain(Air air, int[][] preprocessed, int[][] main, int[] publicValues) {
    checkShape(air, preprocessed, main, publicValues);
    return firstFailure(air.constraints(), rows(preprocessed, main), preprocessed, main, null, publicValues, new Ext4[0], new Ext4[0]);
  }

  /** Checks the aux constraints and the claimed aux values (LogUp balance) for drawn challenges. */
  public static Optional<ConstraintFailure> checkAux(
      Air air, int[][] preprocessed, int[][] main, int[] publicValues, AuxTrace aux, Ext4[] challenges) {
    Optional<ConstraintFailure> rowFailure = checkAuxRows(air, preprocessed, main, publicValues, aux, challenges);
    if (rowFailure.isPresent()) {
      return rowFailure;
    }
    return air.auxPhase().orElseThrow().checkAuxPublics(aux.auxPublics())
        .map(reason -> new ConstraintFailure(ConstraintFailure.NO_ROW, "aux publics", reason));
  }

  /**
   * Checks the aux constraints row by row but not the claimed values: in a multi-table proof a
   * table's LogUp sum balances only together with the other tables'.
   */
  public static Optional<ConstraintFailure> checkAuxRows(
      Air air, int[][] preprocessed, int[][] main, int[] publicValues, AuxTrace aux, Ext4[] challenges) {
    AuxPhase phase = air.auxPhase().orElseThrow(() -> new IllegalArgumentException(air.name() + " has no aux phase"));
    return firstFailure(
        phase.constraints(), rows(preprocessed, main), preprocessed, main, aux, publicValues, challenges, aux.auxPublics());
  }

  private static int rows(int[][] preprocessed, int[][] main) {
    return main.length > 0 ? main[0].length : preprocessed[0].length;
  }

  private static void checkShape(Air air, int[][] preprocessed, int[][] main, int[] publicValues) {
    if (main.length != air.mainWidth() || preprocessed.length != air.preprocessedWidth()) {
      throw new IllegalArgumentException(air.name() + ": trace has " + main.length + " main and " + preprocessed.length
          + " preprocessed columns, AIR declares " + air.mainWidth() + " and " + air.preprocessedWidth());
    }
    if (publicValues.length != air.publicValueCount()) {
      throw new IllegalArgumentException(air.name() + ": " + publicValues.length + " public values, AIR declares "
          + air.publicValueCount());
    }
    int rows = rows(preprocessed, main);
    if (Integer.bitCount(rows) != 1) {
      throw new IllegalArgumentException(air.name() + ": trace height " + rows + " is not a power of two");
    }
    for (int[][] segment : new int[][][] {preprocessed, main}) {
      for (int[] column : segment) {
        if (column.length != rows) {
          throw new IllegalArgumentException(air.name() + ": columns of different heights");
        }
      }
    }
  }

  private static Optional<ConstraintFailure> firstFailure(
      List<Constraint> constraints, int rows, int[][] preprocessed, int[][] main, AuxTrace aux, int[] publicValues,
      Ext4[] challenges, Ext4[] auxPublics) {
    if (allHold(constraints, rows, preprocessed, main, aux, publicValues, challenges, auxPublics)) {
      return Optional.empty();
    }
    return locateFailure(constraints, rows, preprocessed, main, aux, publicValues, challenges, auxPublics);
  }

  /**
   * The fast path: a random linear combination of every constraint on every row, by the compiled
   * program (the prover's quotient kernel with a vanishing polynomial of 1 and the trace itself
   * as its domain). Zero on every row means every constraint holds except with probability about
   * (number of constraints)/|F_ext| ≈ 2^-118 per row; anything else is located by walking the
   * constraint trees.
   */
  private static boolean allHold(
      List<Constraint> constraints, int rows, int[][] preprocessed, int[][] main, AuxTrace aux, int[] publicValues,
      Ext4[] challenges, Ext4[] auxPublics) {
    ConstraintProgram program = ConstraintProgram.compile(constraints);
    int logRows = Integer.numberOfTrailingZeros(rows);
    int[][] auxColumns = aux == null ? new int[0][] : aux.columns();
    // On the trace itself the selectors are 0/1: row 0 sits at slot 0, row rows-1 at slot rows-1
    // (both are their own bit reversal).
    int[] first = new int[rows];
    int[] last = new int[rows];
    int[] transition = new int[rows];
    int[] one = new int[rows];
    first[0] = 1;
    last[rows - 1] = 1;
    Arrays.fill(transition, 1);
    transition[rows - 1] = 0;
    Arrays.fill(one, 1);
    int[] alphaPowers = new int[4 * constraints.size()];
    SplittableRandom random = new SplittableRandom();
    for (int i = 0; i < alphaPowers.length; i++) {
      alphaPowers[i] = random.nextInt(BabyBear.P);
    }
    QuotientTask task = new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(),
        logRows, 0, logRows, bitReversedRows(preprocessed, rows), preprocessed.length, bitReversedRows(main, rows),
        main.length, bitReversedRows(auxColumns, rows), auxColumns.length, publicValues, Ext4.flatten(challenges),
        Ext4.flatten(auxPublics), alphaPowers, first, last, transition, one);
    for (int v : CpuQuotientKernel.evaluate(task)) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /** Row-major, rows in bit-reversed order: the layout the quotient kernel reads (next row = bitrev(bitrev(j) + 1)). */
  private static int[] bitReversedRows(int[][] columns, int rows) {
    int width = columns.length;
    int logRows = Integer.numberOfTrailingZeros(rows);
    int[] out = new int[width * rows];
    // Rows read in order (each column streams), written to their bit-reversed slot; blocks of
    // rows side by side (a 2^20-row main trace is hundreds of MB).
    ParallelRanges.run(rows, ParallelRanges.GRAIN, (from, to) -> {
      for (int row = from; row < to; row++) {
        int at = BitReversal.reverse(row, logRows) * width;
        for (int c = 0; c < width; c++) {
          out[at + c] = columns[c][row];
        }
      }
    });
    return out;
  }

  private static Optional<ConstraintFailure> locateFailure(
      List<Constraint> constraints, int rows, int[][] preprocessed, int[][] main, AuxTrace aux, int[] publicValues,
      Ext4[] challenges, Ext4[] auxPublics) {
    int auxWidth = aux == null ? 0 : aux.columns().length / 4;
    for (int r = 0; r < rows; r++) {
      int next = (r + 1) % rows;
      PointValues at = new PointValues(
          embed(preprocessed, r), embed(preprocessed, next), embed(main, r), embed(main, next),
          auxRow(aux, auxWidth, r), auxRow(aux, auxWidth, next), publicValues, challenges, auxPublics);
      for (Constraint c : constraints) {
        if (!applies(c.when(), r, rows)) {
          continue;
        }
        Ext4 value = c.expr().fold(at);
        if (!value.isZero()) {
          return Optional.of(new ConstraintFailure(r, c.name(), "evaluates to " + value));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean applies(When when, int row, int rows) {
    return switch (when) {
      case EVERY_ROW -> true;
      case TRANSITION -> row != rows - 1;
      case FIRST_ROW -> row == 0;
      case LAST_ROW -> row == rows - 1;
    };
  }

  private static Ext4[] embed(int[][] columns, int row) {
    Ext4[] out = new Ext4[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = Ext4.of(columns[c][row]);
    }
    return out;
  }

  private static Ext4[] auxRow(AuxTrace aux, int width, int row) {
    Ext4[] out = new Ext4[width];
    for (int c = 0; c < width; c++) {
      out[c] = aux.value(c, row);
    }
    return out;
  }
}

package io.l2prover.zkvm.stark.examples;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static io.l2prover.zkvm.stark.air.Expr.preprocessed;

import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Proves that every value in {@value #VALUES_PER_ROW} main columns is below 2^16, by LogUp
 * against a preprocessed table column holding 0 .. 2^16 - 1 (row r holds r mod 2^16, so traces
 * taller than the table repeat it). A multiplicity column says how often each table row is used.
 */
public final class RangeCheckAir implements ExampleAir {

  public static final int TABLE_BITS = 16;
  public static final int VALUES_PER_ROW = 4;
  private static final int MULTIPLICITY = VALUES_PER_ROW;
  private static final int BUS = 1;

  private final LogUp logUp;

  public RangeCheckAir() {
    List<LogUp.Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < VALUES_PER_ROW; i++) {
      interactions.add(new LogUp.Interaction("value " + i + " in table", BUS, Expr.constant(1), List.of(main(i))));
    }
    interactions.add(new LogUp.Interaction("table", BUS, main(MULTIPLICITY).negate(), List.of(preprocessed(0))));
    logUp = new LogUp(interactions);
  }

  @Override
  public String name() {
    return "range-check-16";
  }

  @Override
  public int preprocessedWidth() {
    return 1;
  }

  @Override
  public int mainWidth() {
    return VALUES_PER_ROW + 1;
  }

  @Override
  public int publicValueCount() {
    return 0;
  }

  @Override
  public List<Constraint> constraints() {
    return List.of();
  }

  @Override
  public int minLogRows() {
    return TABLE_BITS;
  }

  @Override
  public int[][] preprocessedTrace(int logRows) {
    int rows = 1 << logRows;
    int[] table = new int[rows];
    for (int r = 0; r < rows; r++) {
      table[r] = r & ((1 << TABLE_BITS) - 1);
    }
    return new int[][] {table};
  }

  @Override
  public Optional<AuxPhase> auxPhase() {
    return Optional.of(logUp);
  }

  @Override
  public ExampleTrace generate(int logRows, long seed) {
    int rows = 1 << logRows;
    SplittableRandom random = new SplittableRandom(seed);
    int[][] cols = new int[mainWidth()][rows];
    for (int i = 0; i < VALUES_PER_ROW; i++) {
      for (int r = 0; r < rows; r++) {
        int v = random.nextInt(1 << TABLE_BITS);
        cols[i][r] = v;
        cols[MULTIPLICITY][v]++; // counted on the table's first copy, rows 0 .. 2^16 - 1
      }
    }
    return new ExampleTrace(cols, new int[0]);
  }
}

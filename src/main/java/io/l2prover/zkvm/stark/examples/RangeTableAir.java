package io.l2prover.zkvm.stark.examples;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static io.l2prover.zkvm.stark.air.Expr.preprocessed;

import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fixed range table for multi-table proofs: preprocessed 0 .. 2^bits − 1 (so its height is
 * fixed at 2^bits rows) and a main multiplicity column, providing bus
 * {@value MemoryAir#RANGE_BUS} to other tables ({@link MemoryAccessAir}) of the same proof.
 */
public final class RangeTableAir implements ExampleAir {

  private final int bits;
  private final LogUp logUp = new LogUp(List.of(
      new LogUp.Interaction("range table", MemoryAir.RANGE_BUS, main(0).negate(), List.of(preprocessed(0)))));

  public RangeTableAir(int bits) {
    if (bits < 3 || bits > 24) {
      throw new IllegalArgumentException("range table bits must be 3..24, got " + bits);
    }
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }

  @Override
  public String name() {
    return "range-table-" + bits;
  }

  @Override
  public int preprocessedWidth() {
    return 1;
  }

  @Override
  public int mainWidth() {
    return 1;
  }

  @Override
  public int publicValueCount() {
    return 0;
  }

  @Override
  public int minLogRows() {
    return bits;
  }

  @Override
  public List<Constraint> constraints() {
    return List.of();
  }

  @Override
  public int[][] preprocessedTrace(int logRows) {
    if (logRows != bits) {
      throw new IllegalArgumentException(name() + " has exactly 2^" + bits + " rows, asked for 2^" + logRows);
    }
    int[] table = new int[1 << bits];
    Arrays.setAll(table, r -> r);
    return new int[][] {table};
  }

  @Override
  public Optional<AuxPhase> auxPhase() {
    return Optional.of(logUp);
  }

  /** A table nobody looks up: all multiplicities zero. */
  @Override
  public ExampleTrace generate(int logRows, long seed) {
    return new ExampleTrace(new int[1][1 << logRows], new int[0]);
  }
}

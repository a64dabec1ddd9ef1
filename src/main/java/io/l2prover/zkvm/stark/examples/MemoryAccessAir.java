package io.l2prover.zkvm.stark.examples;

import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The memory AIR split for multi-table proofs, part one: the access log of {@link MemoryAir}
 * (execution order, sorted copy, same-address flags, gaps) with the same rules and LogUp
 * permutation, but no range table of its own: its gaps and addresses are looked up on bus
 * {@value MemoryAir#RANGE_BUS} in a {@link RangeTableAir} of another height, in the same proof.
 */
public final class MemoryAccessAir implements ExampleAir {

  private final LogUp logUp = new LogUp(MemoryAir.accessInteractions());

  @Override
  public String name() {
    return "memory-access";
  }

  @Override
  public int preprocessedWidth() {
    return 0;
  }

  @Override
  public int mainWidth() {
    return MemoryAir.ACCESS_WIDTH;
  }

  @Override
  public int publicValueCount() {
    return 0;
  }

  @Override
  public int minLogRows() {
    return 3;
  }

  @Override
  public List<Constraint> constraints() {
    return MemoryAir.accessConstraints();
  }

  @Override
  public Optional<AuxPhase> auxPhase() {
    return Optional.of(logUp);
  }

  /** The access columns of a {@link MemoryAir} trace (its range multiplicities dropped). */
  @Override
  public ExampleTrace generate(int logRows, long seed) {
    int[][] full = new MemoryAir().generate(logRows, seed).main();
    return new ExampleTrace(Arrays.copyOf(full, MemoryAir.ACCESS_WIDTH), new int[0]);
  }

  /** The range-table multiplicities (one column of 2^tableBits rows) the gaps and addresses of {@code access} need. */
  public static int[][] rangeMultiplicities(int[][] access, int tableBits) {
    int[] counts = new int[1 << tableBits];
    for (int r = 0; r < access[0].length; r++) {
      for (int v : new int[] {access[MemoryAir.DIFF][r], access[MemoryAir.S_ADDR][r]}) {
        if (v < counts.length) {
          counts[v]++;
        }
      }
    }
    return new int[][] {counts};
  }
}

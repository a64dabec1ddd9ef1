package io.l2prover.zkvm.stark.examples;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static io.l2prover.zkvm.stark.air.Expr.mainNext;
import static io.l2prover.zkvm.stark.air.Expr.preprocessed;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Offline memory checking: a log of reads and writes in execution order (address, value,
 * timestamp, is-write) is proven consistent — every read returns the last value written to its
 * address, or 0 if none was — by LogUp.
 *
 * <p>The trace carries the same accesses a second time sorted by (address, timestamp). LogUp
 * bus 1 proves the two logs are permutations of each other. In sorted order, consecutive rows
 * either share an address (flag {@code same}) with increasing timestamps, or the address
 * increases; {@code diff} (timestamp gap − 1, or address gap − 1) and every sorted address are
 * proven in [0, n) by LogUp bus 2 against a preprocessed table 0 .. n−1. Bounding the addresses
 * too matters: with gaps alone, n steps of up to n could wrap around the field (n^2 > p from
 * n = 2^16) and revisit an address in a second run. So each address has a single run in the
 * sorted copy, in which a read that follows an access must repeat its value, and a read that
 * opens the run must return 0. Execution timestamps are 1, 2, ..., n; addresses lie below n.
 */
public final class MemoryAir implements ExampleAir {

  static final int ADDR = 0;
  static final int VAL = 1;
  static final int TS = 2;
  static final int WRITE = 3;
  static final int S_ADDR = 4;
  static final int S_VAL = 5;
  static final int S_TS = 6;
  static final int S_WRITE = 7;
  static final int SAME = 8;
  static final int DIFF = 9;
  static final int MULT = 10;
  private static final int WIDTH = 11;
  private static final int ACCESS_BUS = 1;

  /** Addresses the generator uses: few, so reads often hit earlier writes. */
  private static final int ADDRESS_SPACE = 64;

  static final int ACCESS_WIDTH = MULT;
  static final int RANGE_BUS = 2;

  private final LogUp logUp = new LogUp(withRangeTable());

  /** The permutation (bus 1) and the range lookups (bus 2) of the access columns. */
  static List<LogUp.Interaction> accessInteractions() {
    return List.of(
        new LogUp.Interaction("access in execution order", ACCESS_BUS, Expr.constant(1),
            List.of(main(ADDR), main(VAL), main(TS), main(WRITE))),
        new LogUp.Interaction("access in sorted order", ACCESS_BUS, Expr.constant(-1),
            List.of(main(S_ADDR), main(S_VAL), main(S_TS), main(S_WRITE))),
        new LogUp.Interaction("gap in range", RANGE_BUS, Expr.constant(1), List.of(main(DIFF))),
        new LogUp.Interaction("address in range", RANGE_BUS, Expr.constant(1), List.of(main(S_ADDR))));
  }

  private static List<LogUp.Interaction> withRangeTable() {
    List<LogUp.Interaction> all = new ArrayList<>(accessInteractions());
    all.add(new LogUp.Interaction("range table", RANGE_BUS, main(MULT).negate(), List.of(preprocessed(0))));
    return all;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public int preprocessedWidth() {
    return 1;
  }

  @Override
  public int mainWidth() {
    return WIDTH;
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
    return accessConstraints();
  }

  /** The rules of the access columns (0 .. {@link #ACCESS_WIDTH}): shared with {@link MemoryAccessAir}. */
  static List<Constraint> accessConstraints() {
    Expr same = main(SAME);
    Expr notSame = Expr.constant(1).minus(same);
    Expr readNext = Expr.constant(1).minus(mainNext(S_WRITE));
    return List.of(
        Constraint.firstRow("timestamps start at 1", main(TS).minus(1)),
        Constraint.transition("timestamps count up", mainNext(TS).minus(main(TS)).minus(1)),
        Constraint.everyRow("is-write is boolean", boolean_(main(WRITE))),
        Constraint.everyRow("sorted is-write is boolean", boolean_(main(S_WRITE))),
        Constraint.everyRow("same is boolean", boolean_(same)),
        Constraint.transition("same keeps the address", same.times(mainNext(S_ADDR).minus(main(S_ADDR)))),
        Constraint.transition("gap is the timestamp or address step", main(DIFF)
            .minus(same.times(mainNext(S_TS).minus(main(S_TS)).minus(1)))
            .minus(notSame.times(mainNext(S_ADDR).minus(main(S_ADDR)).minus(1)))),
        Constraint.transition("read returns the last value", same.times(readNext).times(mainNext(S_VAL).minus(main(S_VAL)))),
        Constraint.transition("first read of an address returns 0", notSame.times(readNext).times(mainNext(S_VAL))),
        Constraint.firstRow("first sorted read returns 0", Expr.constant(1).minus(main(S_WRITE)).times(main(S_VAL))));
  }

  private static Expr boolean_(Expr x) {
    return x.times(x.minus(1));
  }

  @Override
  public int[][] preprocessedTrace(int logRows) {
    int[] table = new int[1 << logRows];
    Arrays.setAll(table, r -> r);
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
    int[][] cols = new int[WIDTH][rows];
    int[] memory = new int[ADDRESS_SPACE];
    for (int r = 0; r < rows; r++) {
      int addr = random.nextInt(Math.min(ADDRESS_SPACE, rows));
      boolean write = random.nextBoolean();
      if (write) {
        memory[addr] = random.nextInt(BabyBear.P);
      }
      cols[ADDR][r] = addr;
      cols[VAL][r] = memory[addr];
      cols[TS][r] = r + 1;
      cols[WRITE][r] = write ? 1 : 0;
    }
    fillSorted(cols);
    return new ExampleTrace(cols, new int[0]);
  }

  /** Counts one lookup of {@code value} in the range table; values outside it are left uncounted (and fail). */
  private static void countInTable(int[][] cols, int value) {
    if (value >= 0 && value < cols[MULT].length) {
      cols[MULT][value]++;
    }
  }

  /**
   * Fills the sorted copy, the same flags, gaps and range multiplicities from the execution
   * columns: also used by tests that corrupt the execution log and rebuild the rest.
   */
  static void fillSorted(int[][] cols) {
    int rows = cols[ADDR].length;
    Integer[] order = new Integer[rows];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> cols[ADDR][i]).thenComparingInt(i -> cols[TS][i]));
    Arrays.fill(cols[MULT], 0);
    for (int r = 0; r < rows; r++) {
      int src = order[r];
      cols[S_ADDR][r] = cols[ADDR][src];
      cols[S_VAL][r] = cols[VAL][src];
      cols[S_TS][r] = cols[TS][src];
      cols[S_WRITE][r] = cols[WRITE][src];
    }
    for (int r = 0; r < rows; r++) {
      int diff = 0;
      int same = 0;
      if (r + 1 < rows) {
        same = cols[S_ADDR][r + 1] == cols[S_ADDR][r] ? 1 : 0;
        diff = same == 1
            ? BabyBear.sub(BabyBear.sub(cols[S_TS][r + 1], cols[S_TS][r]), 1)
            : BabyBear.sub(BabyBear.sub(cols[S_ADDR][r + 1], cols[S_ADDR][r]), 1);
      }
      cols[SAME][r] = same;
      cols[DIFF][r] = diff;
      countInTable(cols, diff);
      countInTable(cols, cols[S_ADDR][r]);
    }
  }
}

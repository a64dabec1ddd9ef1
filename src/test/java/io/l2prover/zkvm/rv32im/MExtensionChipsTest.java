package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The M-extension and shift chips together with the chips they call: honest, forged and changed traces. */
class MExtensionChipsTest {

  /** The M-extension table's corner cases and their neighbours, and shift amounts with high bits set. */
  private static final int[] EDGES = {0, 1, -1, 2, -2, 3, 7, 31, 32, 33, -31, 0x7fffffff, 0x80000000, 0x80000001,
      0xff, 0x100, 0xffff, 0x10000, 0x12345678, 0xfedcba98, 0xffffffe1};

  // Chips that ask other ALU chips for operations come before those that serve them.
  private static final List<AluChip> CHIPS = List.of(new ShiftChip(), new MulChip(), new DivRemChip(),
      new AddSubChip(), new LtChip(), new BitwiseChip());
  private static final List<AluOp> OPS = List.of(AluOp.SLL, AluOp.SRL, AluOp.SRA, AluOp.MUL, AluOp.MULH,
      AluOp.MULHSU, AluOp.MULHU, AluOp.DIV, AluOp.DIVU, AluOp.REM, AluOp.REMU);

  private static List<AluEvent> events(List<AluOp> ops, int randomPerOp, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<AluEvent> out = new ArrayList<>();
    for (AluOp op : ops) {
      for (int x : EDGES) {
        for (int y : EDGES) {
          out.add(new AluEvent(op, x, y));
        }
      }
      for (int i = 0; i < randomPerOp; i++) {
        out.add(new AluEvent(op, rnd.nextInt(), rnd.nextInt()));
      }
    }
    return out;
  }

  @Test
  void honestTracesPass() {
    assertThat(AluCheck.checkHonest(CHIPS, events(OPS, 100, 1))).isEmpty();
  }

  @Test
  void degreesStayWithinTheProversLimits() {
    // Constraints at most 4 (5 with a row selector fits blowup 4); lookup tuples and counts at most 2.
    for (Chip chip : List.of(new ShiftChip(), new MulChip(), new DivRemChip())) {
      for (var c : chip.constraints()) {
        assertThat(c.degree()).as(c.name()).isLessThanOrEqualTo(4);
      }
      for (var it : chip.interactions()) {
        assertThat(it.multiplicity().degree()).as(it.name()).isLessThanOrEqualTo(1);
        for (var v : it.values()) {
          assertThat(v.degree()).as(it.name()).isLessThanOrEqualTo(2);
        }
      }
    }
  }

  @Test
  void aWrongResultIsRejectedForEveryOperation() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (AluOp op : OPS) {
      List<AluEvent> events = events(List.of(op), 10, 3);
      List<ChipTrace> traces = ChipCheck.aluTraces(CHIPS, events);
      for (int trial = 0; trial < 20; trial++) {
        // The CPU asks for a result with one bit of one byte flipped in one request.
        int which = rnd.nextInt(events.size());
        AluEvent e = events.get(which);
        int forged = e.result() ^ (1 << rnd.nextInt(32));
        List<BusBalance.PublicTerm> requests = new ArrayList<>(ChipCheck.aluRequests(events));
        requests.set(which, AluCheck.request(op, e.a(), e.b(), forged));
        // The traces are the honest ones (checked above); only the bus can notice the forged request.
        assertThat(BusBalance.check(traces, requests)).as("%s(%x, %x) = %x", op, e.a(), e.b(), forged).isPresent();
      }
    }
  }

  @Test
  void everyCellOfARealRowMatters() {
    // Change each cell of some real rows of each chip, then rebuild the byte table's counts as a
    // cheating prover would: the traces must no longer pass. No cell of these chips is free on a
    // real row (the few a formula leaves open are pinned to 0 by a constraint of their own).
    List<AluEvent> events = events(OPS, 4, 5);
    SplittableRandom rnd = new SplittableRandom(6);
    List<ChipTrace> honest = ChipCheck.aluTraces(CHIPS, events);
    List<BusBalance.PublicTerm> requests = ChipCheck.aluRequests(events);
    int checked = 0;
    int least = 0;
    for (int which = 0; which < CHIPS.size(); which++) {
      ChipTrace t = honest.get(which);
      if (!Set.of("mul", "shift", "div_rem").contains(t.chip().name())) {
        continue;
      }
      least += 4 * t.main().length;
      for (int row : rowsToChange(t, rnd)) {
        for (int col = 0; col < t.main().length; col++) {
          int[][] main = copy(t.main());
          main[col][row] = (main[col][row] + 1 + rnd.nextInt(300)) % BabyBear.P;
          ChipTrace changed = new ChipTrace(t.chip(), t.preprocessed(), main, t.publicValues());
          List<ChipTrace> tables = new ArrayList<>(honest);
          tables.set(which, changed);
          assertThat(AluCheck.checkChanged(tables, changed, requests))
              .as("%s: %s at row %d", t.chip().name(), t.chip().columnNames().get(col), row).isPresent();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(least).isGreaterThan(0);
  }

  /** Four random real rows and the first row where each special-case column is set. */
  private static Set<Integer> rowsToChange(ChipTrace t, SplittableRandom rnd) {
    Set<Integer> rows = new java.util.TreeSet<>();
    while (rows.size() < 4) {
      rows.add(realRow(t, rnd));
    }
    List<String> names = t.chip().columnNames();
    for (int c = 0; c < names.size(); c++) {
      if (names.get(c).matches("right_by_zero|divisor_zero|overflow|sign_.*")) {
        for (int r = 0; r < t.rows(); r++) {
          if (t.main()[c][r] == 1) {
            rows.add(r);
            break;
          }
        }
      }
    }
    return rows;
  }

  private static int realRow(ChipTrace t, SplittableRandom rnd) {
    while (true) {
      int row = rnd.nextInt(t.rows());
      for (int c = 0; c < t.main().length; c++) {
        if (t.chip().columnNames().get(c).startsWith("is_") && t.main()[c][row] == 1) {
          return row;
        }
      }
    }
  }

  private static int[][] copy(int[][] columns) {
    int[][] out = new int[columns.length][];
    for (int i = 0; i < columns.length; i++) {
      out[i] = columns[i].clone();
    }
    return out;
  }
}

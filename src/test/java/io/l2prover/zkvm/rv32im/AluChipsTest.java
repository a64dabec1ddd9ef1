package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AluChipsTest {

  private static final int[] EDGES = {0, 1, -1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xff, 0x100, 0xffff, 0x10000,
      0x12345678, 0xfedcba98};

  private static List<AluEvent> events(List<AluOp> ops, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<AluEvent> out = new ArrayList<>();
    for (AluOp op : ops) {
      for (int x : EDGES) {
        for (int y : EDGES) {
          out.add(new AluEvent(op, x, y));
        }
      }
      for (int i = 0; i < 50; i++) {
        out.add(new AluEvent(op, rnd.nextInt(), rnd.nextInt()));
      }
    }
    return out;
  }

  private static final List<AluChip> CHIPS = List.of(new AddSubChip(), new LtChip(), new BitwiseChip());
  private static final List<AluOp> OPS = List.of(AluOp.ADD, AluOp.SUB, AluOp.SLT, AluOp.SLTU, AluOp.EQ, AluOp.AND,
      AluOp.OR, AluOp.XOR);

  @Test
  void honestTracesPass() {
    List<AluEvent> events = events(OPS, 1);
    List<ChipTrace> traces = ChipCheck.aluTraces(CHIPS, events);
    assertThat(ChipCheck.check(traces, ChipCheck.aluRequests(events))).isEmpty();
  }

  @Test
  void aWrongResultIsRejectedForEveryOperation() {
    for (AluOp op : OPS) {
      List<AluEvent> events = events(List.of(op), 2);
      List<ChipTrace> traces = ChipCheck.aluTraces(CHIPS, events);
      // The CPU asks for a result one higher than the true one in the first request.
      List<BusBalance.PublicTerm> requests = new ArrayList<>(ChipCheck.aluRequests(events));
      int[] forged = requests.get(0).values().clone();
      forged[9] = (forged[9] + 1) & 0xff;
      requests.set(0, new BusBalance.PublicTerm(Bus.ALU, 1, forged));
      assertThat(ChipCheck.check(traces, requests)).as(op.name()).isPresent();
    }
  }

  @Test
  void everyResultCellChangedIsCaught() {
    // Change any one cell of a real row of each chip: the traces must no longer pass unless the
    // cell is one the constraints leave free (then the change must not alter the result).
    List<AluEvent> events = events(OPS, 3);
    SplittableRandom rnd = new SplittableRandom(4);
    int caught = 0;
    int free = 0;
    for (int trial = 0; trial < 300; trial++) {
      List<ChipTrace> traces = ChipCheck.aluTraces(CHIPS, events);
      int which = rnd.nextInt(CHIPS.size());
      ChipTrace t = traces.get(which);
      int col = rnd.nextInt(t.main().length);
      int row = rnd.nextInt(t.rows());
      boolean real = false;
      for (int c = 0; c < t.main().length; c++) {
        real |= t.chip().columnNames().get(c).startsWith("is_") && t.main()[c][row] == 1;
      }
      int old = t.main()[col][row];
      t.main()[col][row] = (old + 1 + rnd.nextInt(300)) % io.l2prover.zkvm.field.BabyBear.P;
      if (ChipCheck.check(traces, ChipCheck.aluRequests(events)).isPresent()) {
        caught++;
      } else {
        free++;
        if (!real) {
          continue;
        }
        String name = t.chip().columnNames().get(col);
        assertThat(name).as("a change to %s of %s passed", name, t.chip().name())
            .matches("difference_inverse|sign_a|sign_b|signs_differ|carry\\[3\\]|carry.*|is_.*");
      }
    }
    assertThat(caught).isGreaterThan(200);
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;
import java.util.Set;

/**
 * ADD and SUB: a + b = c + 2^32 k byte by byte with carries, and SUB as c + b = a + 2^32 k, so one
 * carry chain serves both. The result c is range-checked; a and b come range-checked from
 * registers.
 */
public final class AddSubChip extends Chip implements AluChip {

  private final Col isAdd = layout.col("is_add");
  private final Col isSub = layout.col("is_sub");
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Word c = layout.word("c");
  private final List<Col> carry = layout.cols("carry", 4);

  public AddSubChip() {
    super("add_sub");
    requireBoolean(isAdd);
    requireBoolean(isSub);
    require("one operation per row", isAdd.cur().times(isSub.cur()));
    for (int i = 0; i < 4; i++) {
      requireBoolean(carry.get(i));
      Expr carryIn = i == 0 ? Expr.constant(0) : carry.get(i - 1).cur();
      Expr carryOut = carry.get(i).cur().times(256);
      require("add byte " + i, isAdd.cur().times(a.b(i).plus(b.b(i)).plus(carryIn).minus(c.b(i)).minus(carryOut)));
      require("sub byte " + i, isSub.cur().times(c.b(i).plus(b.b(i)).plus(carryIn).minus(a.b(i)).minus(carryOut)));
    }
    Expr real = isAdd.cur().plus(isSub.cur());
    send("result low half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), c.b(0), c.b(1), 0));
    send("result high half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), c.b(2), c.b(3), 0));
    Expr op = isAdd.cur().times(AluOp.ADD.id()).plus(isSub.cur().times(AluOp.SUB.id()));
    receive("operation", Bus.ALU, real, tuple(op, a.exprs(), b.exprs(), c.exprs()));
  }

  @Override
  public Set<AluOp> ops() {
    return java.util.EnumSet.of(AluOp.ADD, AluOp.SUB);
  }

  @Override
  public ChipTrace trace(List<AluEvent> events, AluEvents requests) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      AluEvent e = events.get(r);
      boolean add = e.op() == AluOp.ADD;
      t.set(add ? isAdd : isSub, r, true);
      t.set(a, r, e.a());
      t.set(b, r, e.b());
      int result = e.result();
      t.set(c, r, result);
      // The addition whose carries are shown: a + b for ADD, c + b for SUB.
      int x = add ? e.a() : result;
      int k = 0;
      for (int i = 0; i < 4; i++) {
        int sum = ((x >>> (8 * i)) & 0xff) + ((e.b() >>> (8 * i)) & 0xff) + k;
        k = sum >>> 8;
        t.set(carry.get(i), r, k);
      }
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

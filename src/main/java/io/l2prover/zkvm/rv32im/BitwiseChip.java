package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.Set;

/** AND, OR and XOR: each result byte is looked up in the byte table with its operand bytes. */
public final class BitwiseChip extends Chip implements AluChip {

  private final Col isAnd = layout.col("is_and");
  private final Col isOr = layout.col("is_or");
  private final Col isXor = layout.col("is_xor");
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Word c = layout.word("c");

  public BitwiseChip() {
    super("bitwise");
    requireBoolean(isAnd);
    requireBoolean(isOr);
    requireBoolean(isXor);
    require("one operation per row",
        isAnd.cur().times(isOr.cur()).plus(isAnd.cur().times(isXor.cur())).plus(isOr.cur().times(isXor.cur())));
    Expr real = isAnd.cur().plus(isOr.cur()).plus(isXor.cur());
    Expr byteOp = isAnd.cur().times(ByteOp.AND.id()).plus(isOr.cur().times(ByteOp.OR.id()))
        .plus(isXor.cur().times(ByteOp.XOR.id()));
    for (int i = 0; i < 4; i++) {
      send("byte " + i, Bus.BYTE, real, tuple(byteOp, a.b(i), b.b(i), c.b(i)));
    }
    Expr op = isAnd.cur().times(AluOp.AND.id()).plus(isOr.cur().times(AluOp.OR.id()))
        .plus(isXor.cur().times(AluOp.XOR.id()));
    receive("operation", Bus.ALU, real, tuple(op, a.exprs(), b.exprs(), c.exprs()));
  }

  @Override
  public Set<AluOp> ops() {
    return java.util.EnumSet.of(AluOp.AND, AluOp.OR, AluOp.XOR);
  }

  @Override
  public ChipTrace trace(java.util.List<AluEvent> events, AluEvents requests) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      AluEvent e = events.get(r);
      t.set(switch (e.op()) {
        case AND -> isAnd;
        case OR -> isOr;
        default -> isXor;
      }, r, true);
      t.set(a, r, e.a());
      t.set(b, r, e.b());
      t.set(c, r, e.result());
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;
import java.util.Set;

/**
 * Comparisons SLT, SLTU and EQ (the branches' equality), result (r, 0, 0, 0). The difference
 * d = a - b mod 2^32 is shown by b + d = a + 2^32 k; a < b unsigned exactly when k = 1. Signed,
 * the sign bits (looked up) decide when they differ. Equal exactly when the bytes of d sum to 0
 * (they are range-checked bytes, so the sum cannot wrap), shown with an inverse.
 */
public final class LtChip extends Chip implements AluChip {

  private final Col isSlt = layout.col("is_slt");
  private final Col isSltu = layout.col("is_sltu");
  private final Col isEq = layout.col("is_eq");
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Word d = layout.word("difference");
  private final List<Col> carry = layout.cols("carry", 4);
  private final Col signA = layout.col("sign_a");
  private final Col signB = layout.col("sign_b");
  private final Col signsDiffer = layout.col("signs_differ");
  private final Col result = layout.col("result");
  private final Col differenceInverse = layout.col("difference_inverse");

  public LtChip() {
    super("lt");
    for (Col c : List.of(isSlt, isSltu, isEq, result)) {
      requireBoolean(c);
    }
    require("one operation per row",
        isSlt.cur().times(isSltu.cur()).plus(isSlt.cur().times(isEq.cur())).plus(isSltu.cur().times(isEq.cur())));
    for (int i = 0; i < 4; i++) {
      requireBoolean(carry.get(i));
      Expr carryIn = i == 0 ? Expr.constant(0) : carry.get(i - 1).cur();
      require("difference byte " + i,
          b.b(i).plus(d.b(i)).plus(carryIn).minus(a.b(i)).minus(carry.get(i).cur().times(256)));
    }
    Expr borrow = carry.get(3).cur();
    require("signs differ", signsDiffer.cur().minus(
        signA.cur().plus(signB.cur()).minus(signA.cur().times(signB.cur()).times(2))));
    require("sltu result", isSltu.cur().times(result.cur().minus(borrow)));
    Expr signed = signsDiffer.cur().times(signA.cur()).plus(Expr.constant(1).minus(signsDiffer.cur()).times(borrow));
    require("slt result", isSlt.cur().times(result.cur().minus(signed)));
    Expr sum = d.b(0).plus(d.b(1)).plus(d.b(2)).plus(d.b(3));
    require("equal has zero difference", isEq.cur().times(result.cur()).times(sum));
    // With result 0 the difference has an inverse; with result 1 the sum is 0 (above), so the
    // inverse times it is 0 too: one degree-3 constraint covers both.
    require("unequal has a nonzero difference",
        isEq.cur().times(Expr.constant(1).minus(result.cur()).minus(differenceInverse.cur().times(sum))));
    Expr real = isSlt.cur().plus(isSltu.cur()).plus(isEq.cur());
    send("difference low half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), d.b(0), d.b(1), 0));
    send("difference high half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), d.b(2), d.b(3), 0));
    send("sign of a", Bus.BYTE, isSlt.cur(), tuple(ByteOp.MSB.id(), a.b(3), 0, signA.cur()));
    send("sign of b", Bus.BYTE, isSlt.cur(), tuple(ByteOp.MSB.id(), b.b(3), 0, signB.cur()));
    Expr op = isSlt.cur().times(AluOp.SLT.id()).plus(isSltu.cur().times(AluOp.SLTU.id()))
        .plus(isEq.cur().times(AluOp.EQ.id()));
    receive("operation", Bus.ALU, real, tuple(op, a.exprs(), b.exprs(), result.cur(), 0, 0, 0));
  }

  @Override
  public Set<AluOp> ops() {
    return java.util.EnumSet.of(AluOp.SLT, AluOp.SLTU, AluOp.EQ);
  }

  @Override
  public ChipTrace trace(List<AluEvent> events, AluEvents requests) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      AluEvent e = events.get(r);
      t.set(switch (e.op()) {
        case SLT -> isSlt;
        case SLTU -> isSltu;
        default -> isEq;
      }, r, true);
      t.set(a, r, e.a());
      t.set(b, r, e.b());
      int diff = e.a() - e.b();
      t.set(d, r, diff);
      int k = 0;
      for (int i = 0; i < 4; i++) {
        int sum = ((e.b() >>> (8 * i)) & 0xff) + ((diff >>> (8 * i)) & 0xff) + k;
        k = sum >>> 8;
        t.set(carry.get(i), r, k);
      }
      if (e.op() == AluOp.SLT) {
        int sa = e.a() >>> 31;
        int sb = e.b() >>> 31;
        t.set(signA, r, sa);
        t.set(signB, r, sb);
        t.set(signsDiffer, r, sa ^ sb);
      }
      t.set(result, r, e.result());
      int byteSum = 0;
      for (int i = 0; i < 4; i++) {
        byteSum += (diff >>> (8 * i)) & 0xff;
      }
      t.set(differenceInverse, r, byteSum == 0 ? 0 : BabyBear.inv(byteSum));
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

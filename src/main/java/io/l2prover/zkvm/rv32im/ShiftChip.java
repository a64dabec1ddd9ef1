package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SLL, SRL and SRA as multiplications the {@link MulChip} proves: with s = b &amp; 31,
 * SLL(a, s) = MUL(a, 2^s), SRL(a, s) = MULHU(a, 2^(32-s)) and SRA(a, s) = MULHSU(a, 2^(32-s))
 * for s ≠ 0; a right shift by 0 is a itself. s comes from the byte table (b[0] AND 31), so no
 * other bit of b reaches the result; the multiplier 2^e is built from the five bits of e (e = s
 * for SLL, 32 - s for the right shifts), so it is a power of two the prover cannot choose.
 */
public final class ShiftChip extends Chip implements AluChip {

  private static final Set<AluOp> RIGHT = Set.of(AluOp.SRL, AluOp.SRA);
  private static final Map<AluOp, AluOp> AS_MUL =
      Map.of(AluOp.SLL, AluOp.MUL, AluOp.SRL, AluOp.MULHU, AluOp.SRA, AluOp.MULHSU);

  private final OpFlags ops = new OpFlags(layout, AluOp.SLL, AluOp.SRL, AluOp.SRA);
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Word c = layout.word("c");
  private final Col amount = layout.col("amount");
  private final List<Col> exponent = layout.cols("exponent_bit", 5);
  private final Col byZero = layout.col("right_by_zero");
  private final Col lowPower = layout.col("low_power");
  private final Word multiplier = layout.word("multiplier");

  /**
   * One row's witness: the operation, its operands, the shift amount shown and the result
   * claimed. {@link #honest} is the only kind that proves; tests build others.
   */
  record Row(AluOp op, int a, int b, int amount, int result) {

    static Row honest(AluEvent e) {
      return new Row(e.op(), e.a(), e.b(), e.b() & 31, e.result());
    }

    boolean rightByZero() {
      return RIGHT.contains(op) && amount == 0;
    }

    /** e: the multiplier is 2^e (only its low five bits can be shown). */
    int exponent() {
      return RIGHT.contains(op) && amount != 0 ? 32 - amount : amount;
    }
  }

  public ShiftChip() {
    super("shift");
    ops.rules().forEach(r -> require(r.name(), r.expr()));
    Expr real = ops.real();
    Expr left = ops.any(Set.of(AluOp.SLL));
    Expr right = ops.any(RIGHT);
    send("amount is b[0] and 31", Bus.BYTE, real, tuple(ByteOp.AND.id(), b.b(0), 31, amount.cur()));

    Expr e = Expr.constant(0);
    for (int i = 0; i < exponent.size(); i++) {
      requireBoolean(exponent.get(i));
      e = e.plus(exponent.get(i).cur().times(1 << i));
    }
    // A right shift by s ≠ 0 multiplies by 2^(32-s): e + s = 32. By 0 it multiplies by nothing:
    // e + s = 0 and the result is a. As 0 ≤ e, s ≤ 31 the flag cannot be chosen: s = 0 leaves
    // only the flag set, s ≠ 0 only the flag clear.
    requireBoolean(byZero);
    require("only right shifts are by zero", byZero.cur().times(Expr.constant(1).minus(right)));
    Expr rightExponent = Expr.constant(32).minus(byZero.cur().times(32)).minus(amount.cur());
    require("exponent", e.minus(left.times(amount.cur())).minus(right.times(rightExponent)));

    // 2^e = 256^(2 e4 + e3) · 2^(4 e2 + 2 e1 + e0): the byte the power falls in and its value there.
    Expr e0 = exponent.get(0).cur();
    Expr e1 = exponent.get(1).cur();
    Expr e2 = exponent.get(2).cur();
    require("power within a byte", lowPower.cur().minus(
        e0.plus(1).times(e1.times(3).plus(1)).times(e2.times(15).plus(1))));
    Expr e3 = exponent.get(3).cur();
    Expr e4 = exponent.get(4).cur();
    Expr not3 = Expr.constant(1).minus(e3);
    Expr not4 = Expr.constant(1).minus(e4);
    List<Expr> inByte = List.of(not3.times(not4), e3.times(not4), not3.times(e4), e3.times(e4));
    for (int i = 0; i < 4; i++) {
      require("multiplier byte " + i, multiplier.b(i).minus(inByte.get(i).times(lowPower.cur())));
    }

    for (int i = 0; i < 4; i++) {
      require("right shift by zero keeps byte " + i, byZero.cur().times(c.b(i).minus(a.b(i))));
    }
    // The multiplication pins c (the MulChip range-checks what it returns); a right shift by 0 needs none.
    send("shift as multiplication", Bus.ALU, real.minus(byZero.cur()),
        tuple(ops.mapped(AS_MUL), a.exprs(), multiplier.exprs(), c.exprs()));
    receive("operation", Bus.ALU, real, tuple(ops.opId(), a.exprs(), b.exprs(), c.exprs()));
  }

  @Override
  public Set<AluOp> ops() {
    return ops.ops();
  }

  @Override
  public ChipTrace trace(List<AluEvent> events, AluEvents requests) {
    return traceRows(events.stream().map(Row::honest).toList(), requests);
  }

  /** The trace showing {@code rows}, honest or not; the multiplications they use go to {@code requests}. */
  ChipTrace traceRows(List<Row> rows, AluEvents requests) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(rows.size(), 1));
    for (int r = 0; r < t.rows(); r++) {
      // Padding rows have exponent 0, so their multiplier is 1 too.
      t.set(lowPower, r, 1);
      t.set(multiplier, r, 1);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      ops.set(t, r, row.op());
      t.set(a, r, row.a());
      t.set(b, r, row.b());
      t.set(c, r, row.result());
      t.set(amount, r, row.amount());
      t.set(byZero, r, row.rightByZero());
      int e = row.exponent();
      for (int i = 0; i < exponent.size(); i++) {
        t.set(exponent.get(i), r, (e >>> i) & 1);
      }
      t.set(lowPower, r, 1 << (e & 7));
      int power = 1 << (e & 31);
      t.set(multiplier, r, power);
      if (!row.rightByZero()) {
        requests.add(AS_MUL.get(row.op()), row.a(), power);
      }
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

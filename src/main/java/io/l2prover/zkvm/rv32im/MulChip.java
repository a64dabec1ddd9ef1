package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MUL, MULH, MULHSU and MULHU: the full 64-bit product of a and b, each extended to 8 bytes with
 * its sign (255 per byte when negative, read from the byte table's MSB entry; 0 for an operand
 * the operation takes as unsigned, and for MUL, whose low word does not depend on signs), byte
 * by byte with range-checked carries ({@link WideProduct}). The result is the low product word
 * for MUL and the high one for the others. Every product byte is range-checked.
 */
public final class MulChip extends Chip implements AluChip {

  private static final Set<AluOp> SIGNED_A = Set.of(AluOp.MULH, AluOp.MULHSU);
  private static final Set<AluOp> SIGNED_B = Set.of(AluOp.MULH);
  private static final Set<AluOp> HIGH = Set.of(AluOp.MULH, AluOp.MULHSU, AluOp.MULHU);

  private final OpFlags ops = new OpFlags(layout, AluOp.MUL, AluOp.MULH, AluOp.MULHSU, AluOp.MULHU);
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Col signA = layout.col("sign_a");
  private final Col signB = layout.col("sign_b");
  private final List<Col> product = layout.cols("product", WideProduct.BYTES);
  private final WideProduct chain = new WideProduct(layout, "product");

  /**
   * One row's witness: what the trace shows for (op, a, b) given the sign bits and the 64-bit
   * product. {@link #honest} is the only one that proves; tests build others to show they fail.
   */
  record Row(AluOp op, int a, int b, int signA, int signB, long product) {

    static Row honest(AluEvent e) {
      int sa = SIGNED_A.contains(e.op()) ? e.a() >>> 31 : 0;
      int sb = SIGNED_B.contains(e.op()) ? e.b() >>> 31 : 0;
      long x = sa == 1 ? e.a() : Integer.toUnsignedLong(e.a());
      long y = sb == 1 ? e.b() : Integer.toUnsignedLong(e.b());
      return new Row(e.op(), e.a(), e.b(), sa, sb, x * y);
    }

    /** The word the row claims as op(a, b). */
    int result() {
      return (int) (HIGH.contains(op) ? product >>> 32 : product);
    }
  }

  public MulChip() {
    super("mul");
    ops.rules().forEach(r -> require(r.name(), r.expr()));
    Expr real = ops.real();
    Expr signedA = ops.any(SIGNED_A);
    Expr signedB = ops.any(SIGNED_B);
    // Where the operation takes an operand as unsigned its sign is 0, so no lookup is needed there.
    require("a unsigned unless MULH or MULHSU", signA.cur().times(Expr.constant(1).minus(signedA)));
    require("b unsigned unless MULH", signB.cur().times(Expr.constant(1).minus(signedB)));
    send("sign of a", Bus.BYTE, signedA, tuple(ByteOp.MSB.id(), a.b(3), 0, signA.cur()));
    send("sign of b", Bus.BYTE, signedB, tuple(ByteOp.MSB.id(), b.b(3), 0, signB.cur()));

    List<Expr> x = WideProduct.extend(a, signA.cur());
    List<Expr> y = WideProduct.extend(b, signB.cur());
    List<Expr> p = new ArrayList<>();
    product.forEach(c -> p.add(c.cur()));
    for (int k = 0; k < WideProduct.BYTES; k++) {
      require("product byte " + k, chain.byteEquation(k, x, y, WideProduct.zeros(), p));
    }
    for (int k = 0; k < WideProduct.BYTES; k += 2) {
      send("product bytes " + k + ", " + (k + 1) + " in range", Bus.BYTE, real,
          tuple(ByteOp.RANGE.id(), p.get(k), p.get(k + 1), 0));
    }
    List<List<Expr>> carries = chain.carryRangeTuples();
    for (int k = 0; k < carries.size(); k++) {
      send("carry " + k + " below 2^16", Bus.BYTE, real, carries.get(k));
    }
    // The result is the low product word for MUL, the high one otherwise.
    List<Expr> c = ops.select(Set.of(AluOp.MUL), p.subList(0, 4), HIGH, p.subList(4, WideProduct.BYTES));
    receive("operation", Bus.ALU, real, tuple(ops.opId(), a.exprs(), b.exprs(), c));
  }

  @Override
  public Set<AluOp> ops() {
    return ops.ops();
  }

  @Override
  public ChipTrace trace(List<AluEvent> events, AluEvents requests) {
    return traceRows(events.stream().map(Row::honest).toList());
  }

  /** The trace showing {@code rows}, honest or not. */
  ChipTrace traceRows(List<Row> rows) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(rows.size(), 1));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      ops.set(t, r, row.op());
      t.set(a, r, row.a());
      t.set(b, r, row.b());
      t.set(signA, r, row.signA());
      t.set(signB, r, row.signB());
      int[] p = WideProduct.bytes(row.product());
      for (int k = 0; k < WideProduct.BYTES; k++) {
        t.set(product.get(k), r, p[k]);
      }
      chain.fill(t, r, WideProduct.extend(row.a(), row.signA()), WideProduct.extend(row.b(), row.signB()),
          new int[WideProduct.BYTES], p);
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

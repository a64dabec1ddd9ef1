package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;
import java.util.Set;

/**
 * DIV, DIVU, REM and REMU from a witnessed quotient q and remainder r:
 * <ul>
 *   <li>b·q + r = a over the integers, shown as a 64-bit identity on sign-extended bytes
 *       ({@link WideProduct}; |b·q| + |r| &lt; 2^63, so equal mod 2^64 is equal);
 *   <li>b ≠ 0: |r| &lt; |b| (the gap |b| - |r| - 1 is shown as four range-checked bytes) and r is
 *       0 or has the sign of a, which leaves exactly RISC-V's truncating quotient;
 *   <li>b = 0: q is all ones, and the identity then forces r = a;
 *   <li>-2^31 / -1, the one signed quotient that does not fit: a flag the prover must set there
 *       and nowhere else (it requires those operands) takes a as +2^31 in the identity, which
 *       forces q = -2^31 (0x80000000) and r = 0.
 * </ul>
 * q and r are range-checked; the result is q for DIV/DIVU and r for REM/REMU.
 */
public final class DivRemChip extends Chip implements AluChip {

  private static final Set<AluOp> SIGNED = Set.of(AluOp.DIV, AluOp.REM);
  private static final Set<AluOp> QUOTIENT = Set.of(AluOp.DIV, AluOp.DIVU);
  private static final int GAP_CARRIES = 3;

  private final OpFlags ops = new OpFlags(layout, AluOp.DIV, AluOp.DIVU, AluOp.REM, AluOp.REMU);
  private final Word a = layout.word("a");
  private final Word b = layout.word("b");
  private final Word q = layout.word("quotient");
  private final Word r = layout.word("remainder");
  private final Col signA = layout.col("sign_a");
  private final Col signB = layout.col("sign_b");
  private final Col signQ = layout.col("sign_q");
  private final Col signR = layout.col("sign_r");
  private final Col overflow = layout.col("overflow");
  private final Col divisorZero = layout.col("divisor_zero");
  private final Col divisorInverse = layout.col("divisor_inverse");
  private final WideProduct identity = new WideProduct(layout, "identity");
  private final Word gap = layout.word("gap");
  private final List<Col> gapCarry = layout.cols("gap_carry", GAP_CARRIES);

  /**
   * One row's witness: the operation, operands, the quotient and remainder shown and the overflow
   * flag (the other columns follow from them). {@link #honest} is the only kind that proves;
   * tests build others.
   */
  record Row(AluOp op, int a, int b, int q, int r, boolean overflow) {

    static Row honest(AluEvent e) {
      boolean signed = SIGNED.contains(e.op());
      int q = (signed ? AluOp.DIV : AluOp.DIVU).apply(e.a(), e.b());
      int r = (signed ? AluOp.REM : AluOp.REMU).apply(e.a(), e.b());
      boolean overflow = signed && e.a() == Integer.MIN_VALUE && e.b() == -1;
      return new Row(e.op(), e.a(), e.b(), q, r, overflow);
    }

    boolean signed() {
      return SIGNED.contains(op);
    }

    int sign(int word) {
      return signed() ? word >>> 31 : 0;
    }

    int result() {
      return QUOTIENT.contains(op) ? q : r;
    }
  }

  public DivRemChip() {
    super("div_rem");
    ops.rules().forEach(rule -> require(rule.name(), rule.expr()));
    Expr real = ops.real();
    Expr signed = ops.any(SIGNED);
    for (Word w : List.of(q, r)) {
      send(w.name() + " low half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), w.b(0), w.b(1), 0));
      send(w.name() + " high half in range", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), w.b(2), w.b(3), 0));
    }
    List<Word> words = List.of(a, b, q, r);
    List<Col> signs = List.of(signA, signB, signQ, signR);
    for (int i = 0; i < 4; i++) {
      Col sign = signs.get(i);
      require(sign.name() + " is 0 when unsigned", sign.cur().times(Expr.constant(1).minus(signed)));
      send(sign.name(), Bus.BYTE, signed, tuple(ByteOp.MSB.id(), words.get(i).b(3), 0, sign.cur()));
    }

    // Operands are range-checked bytes, so these sums of non-negative terms are 0 only when each term is.
    requireBoolean(overflow);
    Expr notMinusOne = Expr.constant(0);
    for (int i = 0; i < 4; i++) {
      notMinusOne = notMinusOne.plus(Expr.constant(255).minus(b.b(i)));
    }
    require("overflow only for a = -2^31", overflow.cur().times(a.b(0).plus(a.b(1)).plus(a.b(2))));
    require("overflow only for a = -2^31 (top byte)", overflow.cur().times(a.b(3).minus(0x80)));
    require("overflow only for b = -1", overflow.cur().times(notMinusOne));
    require("overflow only when signed", overflow.cur().times(Expr.constant(1).minus(signed)));

    Expr bSum = b.b(0).plus(b.b(1)).plus(b.b(2)).plus(b.b(3));
    require("divisor zero only when b = 0", divisorZero.cur().times(bSum));
    require("b = 0 on a real row sets divisor zero",
        real.minus(divisorZero.cur()).times(Expr.constant(1).minus(divisorInverse.cur().times(bSum))));
    require("divisor inverse unused when b = 0", divisorZero.cur().times(divisorInverse.cur()));
    for (int i = 0; i < 4; i++) {
      require("quotient byte " + i + " is 255 when b = 0", divisorZero.cur().times(q.b(i).minus(255)));
    }

    // b·q + r = a; with the overflow flag a counts as +2^31 (sign_a is 1 there, so sign_a - flag is 0).
    List<Expr> x = WideProduct.extend(b, signB.cur());
    List<Expr> y = WideProduct.extend(q, signQ.cur());
    List<Expr> addend = WideProduct.extend(r, signR.cur());
    List<Expr> target = WideProduct.extend(a, signA.cur().minus(overflow.cur()));
    for (int k = 0; k < WideProduct.BYTES; k++) {
      require("b·q + r = a, byte " + k, identity.byteEquation(k, x, y, addend, target));
    }
    List<List<Expr>> carries = identity.carryRangeTuples();
    for (int k = 0; k < carries.size(); k++) {
      send("identity carry " + k + " below 2^16", Bus.BYTE, real, carries.get(k));
    }

    require("a negative remainder has a negative dividend", signR.cur().times(Expr.constant(1).minus(signA.cur())));
    Expr rSum = r.b(0).plus(r.b(1)).plus(r.b(2)).plus(r.b(3));
    require("a negative dividend has a remainder that is 0 or negative",
        signA.cur().times(Expr.constant(1).minus(signR.cur())).times(rSum));

    requireGap(real.minus(divisorZero.cur()));
    List<Expr> result = ops.select(QUOTIENT, q.exprs(), Set.of(AluOp.REM, AluOp.REMU), r.exprs());
    receive("operation", Bus.ALU, real, tuple(ops.opId(), a.exprs(), b.exprs(), result));
  }

  /**
   * Where {@code nonzero} (a real row with b ≠ 0): gap = |b| - |r| - 1 with gap four bytes, so
   * |r| &lt; |b|. With unsigned word values B, R and the sign bits, |b| = (1 - 2 sb) B + 2^32 sb, so
   * gap + (1 - 2 sr) R + 1 = (1 - 2 sb) B + 2^32 (sb - sr): one byte chain whose carries lie in
   * [-2, 2] (range-checked as carry + 2 in [0, 256), which keeps every equation far from wrapping)
   * and whose last carry is sb - sr. Elsewhere the gap and its carries are 0.
   */
  private void requireGap(Expr nonzero) {
    Expr sb = signB.cur();
    Expr sr = signR.cur();
    Expr bFactor = Expr.constant(1).minus(sb.times(2));
    Expr rFactor = Expr.constant(1).minus(sr.times(2));
    Expr zero = Expr.constant(1).minus(nonzero);
    for (int i = 0; i < 4; i++) {
      Expr carryIn = i == 0 ? Expr.constant(1) : gapCarry.get(i - 1).cur();
      Expr carryOut = i < GAP_CARRIES ? gapCarry.get(i).cur() : sb.minus(sr);
      require("|r| < |b|, byte " + i, nonzero.times(gap.b(i).plus(rFactor.times(r.b(i))).plus(carryIn)
          .minus(bFactor.times(b.b(i))).minus(carryOut.times(256))));
      require("no gap byte " + i + " when b = 0", zero.times(gap.b(i)));
      if (i < GAP_CARRIES) {
        require("no gap carry " + i + " when b = 0", zero.times(gapCarry.get(i).cur()));
      }
    }
    send("gap low half in range", Bus.BYTE, nonzero, tuple(ByteOp.RANGE.id(), gap.b(0), gap.b(1), 0));
    send("gap high half in range", Bus.BYTE, nonzero, tuple(ByteOp.RANGE.id(), gap.b(2), gap.b(3), 0));
    send("gap carries 0, 1 in [-2, 253]", Bus.BYTE, nonzero,
        tuple(ByteOp.RANGE.id(), gapCarry.get(0).cur().plus(2), gapCarry.get(1).cur().plus(2), 0));
    send("gap carry 2 in [-2, 253]", Bus.BYTE, nonzero, tuple(ByteOp.RANGE.id(), gapCarry.get(2).cur().plus(2), 0, 0));
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
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ops.set(t, i, row.op());
      t.set(a, i, row.a());
      t.set(b, i, row.b());
      t.set(q, i, row.q());
      t.set(r, i, row.r());
      int sa = row.sign(row.a());
      int sb = row.sign(row.b());
      int sq = row.sign(row.q());
      int sr = row.sign(row.r());
      t.set(signA, i, sa);
      t.set(signB, i, sb);
      t.set(signQ, i, sq);
      t.set(signR, i, sr);
      int flag = row.overflow() ? 1 : 0;
      t.set(overflow, i, flag);
      boolean zero = row.b() == 0;
      t.set(divisorZero, i, zero);
      t.set(divisorInverse, i, zero ? 0 : BabyBear.inv(byteSum(row.b())));
      identity.fill(t, i, WideProduct.extend(row.b(), sb), WideProduct.extend(row.q(), sq),
          WideProduct.extend(row.r(), sr), WideProduct.extend(row.a(), sa - flag));
      if (!zero) {
        fillGap(t, i, row.b(), sb, row.r(), sr);
      }
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }

  /** The gap |b| - |r| - 1 (mod 2^32 when a forged r makes it negative) and the carries of its chain. */
  private void fillGap(TraceTable t, int row, int bWord, int sb, int rWord, int sr) {
    long absB = sb == 1 ? -(long) bWord : Integer.toUnsignedLong(bWord);
    long absR = sr == 1 ? -(long) rWord : Integer.toUnsignedLong(rWord);
    int d = (int) (absB - absR - 1);
    t.set(gap, row, d);
    int carry = 1;
    for (int i = 0; i < GAP_CARRIES; i++) {
      long sum = ((d >>> (8 * i)) & 0xff) + (1 - 2L * sr) * ((rWord >>> (8 * i)) & 0xff)
          - (1 - 2L * sb) * ((bWord >>> (8 * i)) & 0xff);
      carry = BabyBear.mul(BabyBear.add(BabyBear.fromLong(sum), carry), BabyBear.inv(256));
      t.set(gapCarry.get(i), row, carry);
    }
  }

  private static int byteSum(int word) {
    return (word & 0xff) + ((word >>> 8) & 0xff) + ((word >>> 16) & 0xff) + (word >>> 24);
  }
}

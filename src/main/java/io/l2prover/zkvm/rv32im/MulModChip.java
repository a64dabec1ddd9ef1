package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.List;

/**
 * mulmod256 (0x1003): a := a·b mod m for 256-bit a, b, m in guest memory (a at a0, b at a1, m at
 * a2). One row per call: b read at 4 clk + 1, m at 4 clk + 2, a read and c written over it at
 * 4 clk + 3 (so a may alias b or m); a·b − c ≡ 0 (mod m) by {@link ModularRelation} with a
 * quotient of up to 512 bits (m may be 1), c range-checked and c &lt; m, which also leaves no row
 * for m = 0, a fault in the executor.
 */
public final class MulModChip extends RowPrecompileChip {

  /** The call number this chip proves. */
  public static final int CALL = 0x1003;

  private final MemoryOperand bOperand = operand("b", 1, Uint256.WORDS, 1, true);
  private final MemoryOperand mOperand = operand("m", 2, Uint256.WORDS, 2, true);
  private final MemoryOperand aOperand = operand("a", 0, Uint256.WORDS, 3, true);
  private final Uint256 a = Uint256.columns(layout, "a");
  private final Uint256 b = Uint256.columns(layout, "b");
  private final Uint256 m = Uint256.columns(layout, "m");
  private final Uint256 c = Uint256.columns(layout, "c");
  private final ModularRelation product;
  private final LessThan256 reduced;

  public MulModChip() {
    super("mulmod256");
    Expr on = active.cur();
    receive(Expr.constant(CALL), resultWord(Expr.constant(0)));
    bOperand.read(this, on, bOperand.pointer(this, on, call.a1()), MemoryOperand.words(b), ts(1));
    mOperand.read(this, on, mOperand.pointer(this, on, call.a2()), MemoryOperand.words(m), ts(2));
    aOperand.write(this, on, aOperand.pointer(this, on, call.a0()), MemoryOperand.words(a), MemoryOperand.words(c), ts(3));
    c.rangeCheck(this, "c", on);
    product = ModularRelation.named("ab_minus_c").product(1, a, b).term(-1, c).modulo(m, this, on);
    reduced = new LessThan256(this, "c_below_m", c, m, on);
  }

  @Override
  List<Integer> calls() {
    return List.of(CALL);
  }

  @Override
  Outcome outcome(int number, List<int[]> before, Ecall reported) {
    BigInteger modulus = Uint256.fromWords(before.get(1));
    if (modulus.signum() == 0) {
      throw new IllegalStateException("mulmod256 with modulus 0 (a fault in the executor)");
    }
    BigInteger product = Uint256.fromWords(before.get(2)).multiply(Uint256.fromWords(before.get(0))).mod(modulus);
    return new Outcome(0, Uint256.toWords(product));
  }

  @Override
  void fill(TraceTable t, int row, Event e) {
    b.fill(t, row, e.before().get(0));
    m.fill(t, row, e.before().get(1));
    a.fill(t, row, e.before().get(2));
    c.fill(t, row, e.outcome().written());
    product.fill(t, row);
    reduced.fill(t, row);
  }
}

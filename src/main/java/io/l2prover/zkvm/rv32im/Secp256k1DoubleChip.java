package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.List;

/**
 * secp256k1_double (0x1005): P := 2P by the tangent rule, P at a0 (read and written at
 * 4 clk + 3), both coordinates proven below p. The result bit {@code y_zero} is forced both ways:
 * set, the limbs of y sum to 0 (bytes, so y = 0, as the executor tests it) and P is written back
 * unchanged; clear, that sum has an inverse, so y ≠ 0 and 2y ≢ 0 (mod p), and
 * 2·λ·y ≡ 3·x² pins λ; the result follows ({@link Secp256k1Step}).
 */
public final class Secp256k1DoubleChip extends RowPrecompileChip {

  /** The call number this chip proves. */
  public static final int CALL = 0x1005;

  private final MemoryOperand pOperand = operand("p", 0, 2 * Uint256.WORDS, 3, true);
  private final Uint256 x = Uint256.columns(layout, "x");
  private final Uint256 y = Uint256.columns(layout, "y");
  private final Col yZero = layout.col("y_zero");
  private final Col inverse = layout.col("y_limb_sum_inverse");
  private final LessThan256 xBelowP;
  private final LessThan256 yBelowP;
  private final ModularRelation slope;
  final Secp256k1Step step;

  public Secp256k1DoubleChip() {
    super("secp256k1_double");
    Expr on = active.cur();
    Expr zero = yZero.cur();
    Expr compute = on.minus(zero);
    requireBoolean(yZero);
    require("y_zero only on a call", zero.times(Expr.constant(1).minus(on)));
    receive(Expr.constant(CALL), resultWord(zero));
    xBelowP = Secp256k1Step.belowP(this, "x", x, on);
    yBelowP = Secp256k1Step.belowP(this, "y", y, on);
    Expr sum = Expr.sum(y.limbs());
    require("y_zero: y = 0", zero.times(sum));
    require("y is not 0 unless y_zero", compute.times(Expr.constant(1).minus(inverse.cur().times(sum))));
    step = new Secp256k1Step(this, x, y, x, on, compute, zero);
    // 2·λ·y − 3·x·x + 3p·p ≡ 0: λ·2y ≡ 3x², the sum kept non-negative.
    slope = ModularRelation.named("slope").product(2, step.lambda(), y).product(-3, x, x)
        .plusMultipleOfModulus(Secp256k1Step.P.multiply(BigInteger.valueOf(3))).modulo(Secp256k1Step.MODULUS, this, compute);
    pOperand.write(this, on, pOperand.pointer(this, on, call.a0()), MemoryOperand.words(x, y), step.written(), ts(3));
  }

  @Override
  List<Integer> calls() {
    return List.of(CALL);
  }

  /** λ for P (16 words), or null when y = 0 and the call writes nothing. */
  private static BigInteger lambda(BigInteger px, BigInteger py) {
    if (py.signum() == 0) {
      return null;
    }
    BigInteger p = Secp256k1Step.P;
    return px.multiply(px).multiply(BigInteger.valueOf(3)).multiply(py.shiftLeft(1).modInverse(p)).mod(p);
  }

  @Override
  Outcome outcome(int number, List<int[]> before, Ecall reported) {
    BigInteger px = Secp256k1Step.coordinate(before.get(0), 0, "secp256k1_double P");
    BigInteger py = Secp256k1Step.coordinate(before.get(0), 1, "secp256k1_double P");
    BigInteger slopeValue = lambda(px, py);
    return new Outcome(slopeValue == null ? 1 : 0, Secp256k1Step.result(px, py, px, slopeValue));
  }

  @Override
  void fill(TraceTable t, int row, Event e) {
    BigInteger px = Secp256k1Step.coordinate(e.before().get(0), 0, "P");
    BigInteger py = Secp256k1Step.coordinate(e.before().get(0), 1, "P");
    x.fill(t, row, px);
    y.fill(t, row, py);
    xBelowP.fill(t, row);
    yBelowP.fill(t, row);
    BigInteger slopeValue = lambda(px, py);
    t.set(yZero, row, slopeValue == null);
    int sum = 0;
    for (int i = 0; i < Uint256.LIMBS; i++) {
      sum += y.limb(t, row, i);
    }
    t.set(inverse, row, sum == 0 ? 0 : BabyBear.inv(sum));
    step.fill(t, row, px, py, px, slopeValue);
    if (slopeValue != null) {
      slope.fill(t, row);
    }
  }
}

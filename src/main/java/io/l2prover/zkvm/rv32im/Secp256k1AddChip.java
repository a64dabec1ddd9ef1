package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.List;

/**
 * secp256k1_add (0x1004): P := P + Q by the chord rule, P at a0 (read and written at 4 clk + 3), Q
 * at a1 (read at 4 clk + 1, so Q may alias P). Every coordinate read is proven below p (the
 * executor faults otherwise). The result bit {@code same_x} is forced both ways: set, x1 = x2 limb
 * by limb (the executor compares the raw words) and P is written back unchanged; clear, the sum
 * of the squared limb differences has an inverse, so x1 ≠ x2, hence x2 − x1 ≢ 0 (mod p) for
 * coordinates below p, and λ·(x2 − x1) ≡ y2 − y1 pins λ; the result follows ({@link Secp256k1Step}).
 */
public final class Secp256k1AddChip extends RowPrecompileChip {

  /** The call number this chip proves. */
  public static final int CALL = 0x1004;

  private final MemoryOperand qOperand = operand("q", 1, 2 * Uint256.WORDS, 1, true);
  private final MemoryOperand pOperand = operand("p", 0, 2 * Uint256.WORDS, 3, true);
  private final Uint256 x1 = Uint256.columns(layout, "x1");
  private final Uint256 y1 = Uint256.columns(layout, "y1");
  private final Uint256 x2 = Uint256.columns(layout, "x2");
  private final Uint256 y2 = Uint256.columns(layout, "y2");
  private final Col sameX = layout.col("same_x");
  private final Col difference = layout.col("x_difference_squares");
  private final Col inverse = layout.col("x_difference_inverse");
  private final List<LessThan256> inputsBelowP;
  private final ModularRelation slope;
  final Secp256k1Step step;

  public Secp256k1AddChip() {
    super("secp256k1_add");
    Expr on = active.cur();
    Expr same = sameX.cur();
    Expr compute = on.minus(same);
    requireBoolean(sameX);
    require("same_x only on a call", same.times(Expr.constant(1).minus(on)));
    receive(Expr.constant(CALL), resultWord(same));
    inputsBelowP = List.of(Secp256k1Step.belowP(this, "x1", x1, on), Secp256k1Step.belowP(this, "y1", y1, on),
        Secp256k1Step.belowP(this, "x2", x2, on), Secp256k1Step.belowP(this, "y2", y2, on));
    Expr squares = Expr.constant(0);
    for (int i = 0; i < Uint256.LIMBS; i++) {
      Expr d = x1.limb(i).minus(x2.limb(i));
      require("same_x: x1 = x2, limb " + i, same.times(d));
      squares = squares.plus(d.times(d));
    }
    // Each square is at most 255², so the sum (below 2^21) is 0 in the field only when every limb agrees.
    require("the squared x differences", difference.cur().minus(squares));
    require("x1 differs from x2 unless same_x", compute.times(Expr.constant(1).minus(inverse.cur().times(difference.cur()))));
    step = new Secp256k1Step(this, x1, y1, x2, on, compute, same);
    // λ·x2 − λ·x1 − y2 + y1 + 2^256·p ≡ 0: λ·(x2 − x1) ≡ y2 − y1, the sum kept non-negative.
    slope = ModularRelation.named("slope").product(1, step.lambda(), x2).product(-1, step.lambda(), x1).term(-1, y2)
        .term(1, y1).plusMultipleOfModulus(BigInteger.TWO.pow(256)).modulo(Secp256k1Step.MODULUS, this, compute);
    qOperand.read(this, on, qOperand.pointer(this, on, call.a1()), MemoryOperand.words(x2, y2), ts(1));
    pOperand.write(this, on, pOperand.pointer(this, on, call.a0()), MemoryOperand.words(x1, y1), step.written(), ts(3));
  }

  @Override
  List<Integer> calls() {
    return List.of(CALL);
  }

  /** λ for P, Q (16 words each), or null when x1 = x2 and the call writes nothing. */
  private static BigInteger lambda(int[] p, int[] q) {
    BigInteger x1 = Secp256k1Step.coordinate(p, 0, "secp256k1_add P");
    BigInteger y1 = Secp256k1Step.coordinate(p, 1, "secp256k1_add P");
    BigInteger x2 = Secp256k1Step.coordinate(q, 0, "secp256k1_add Q");
    BigInteger y2 = Secp256k1Step.coordinate(q, 1, "secp256k1_add Q");
    if (x1.equals(x2)) {
      return null;
    }
    return y2.subtract(y1).multiply(x2.subtract(x1).modInverse(Secp256k1Step.P)).mod(Secp256k1Step.P);
  }

  @Override
  Outcome outcome(int number, List<int[]> before, Ecall reported) {
    int[] q = before.get(0);
    int[] p = before.get(1);
    BigInteger slope = lambda(p, q);
    return new Outcome(slope == null ? 1 : 0, Secp256k1Step.result(Secp256k1Step.coordinate(p, 0, "P"),
        Secp256k1Step.coordinate(p, 1, "P"), Secp256k1Step.coordinate(q, 0, "Q"), slope));
  }

  @Override
  void fill(TraceTable t, int row, Event e) {
    int[] q = e.before().get(0);
    int[] p = e.before().get(1);
    BigInteger[] c = {Secp256k1Step.coordinate(p, 0, "P"), Secp256k1Step.coordinate(p, 1, "P"),
        Secp256k1Step.coordinate(q, 0, "Q"), Secp256k1Step.coordinate(q, 1, "Q")};
    List<Uint256> values = List.of(x1, y1, x2, y2);
    for (int i = 0; i < 4; i++) {
      values.get(i).fill(t, row, c[i]);
      inputsBelowP.get(i).fill(t, row);
    }
    BigInteger slopeValue = lambda(p, q);
    t.set(sameX, row, slopeValue == null);
    long squares = 0;
    for (int i = 0; i < Uint256.LIMBS; i++) {
      long d = x1.limb(t, row, i) - x2.limb(t, row, i);
      squares += d * d;
    }
    t.set(difference, row, squares);
    t.set(inverse, row, squares == 0 ? 0 : BabyBear.inv((int) squares));
    step.fill(t, row, c[0], c[1], c[2], slopeValue);
    if (slopeValue != null) {
      slope.fill(t, row);
    }
  }
}

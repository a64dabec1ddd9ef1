package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.List;

/**
 * Proves x &lt; y for 256-bit byte-limbed values: the difference d = y − x − 1 as 32 range-checked
 * byte limbs and the chain x_i + d_i + carry_{i−1} + [i = 0] = y_i + 256·carry_i with boolean
 * carries and no carry out of the top limb. Each equation's sides are below 2^10, so they hold
 * over the integers and add up to x + d + 1 = y with d ≥ 0. x and y must be bytes (memory values,
 * or range-checked by the chip): the chain alone would let a limb of x reach −256..511.
 */
final class LessThan256 {

  private final String name;
  private final Uint256 x;
  private final Uint256 y;
  private final Uint256 difference;
  private final List<Col> carries;

  /** States x &lt; y on the rows {@code gate} selects (degree 1). */
  LessThan256(Chip chip, String name, Uint256 x, Uint256 y, Expr gate) {
    this.name = name;
    this.x = x;
    this.y = y;
    this.difference = Uint256.columns(chip.layout, name + "_gap");
    this.carries = chip.layout.cols(name + "_gap_carry", Uint256.LIMBS - 1);
    for (Col c : carries) {
      chip.requireBoolean(c);
    }
    for (int i = 0; i < Uint256.LIMBS; i++) {
      Expr in = i == 0 ? Expr.constant(1) : carries.get(i - 1).cur();
      Expr out = i == Uint256.LIMBS - 1 ? Expr.constant(0) : carries.get(i).cur();
      chip.require(name + ": limb " + i, gate.times(x.limb(i).plus(difference.limb(i)).plus(in)
          .minus(y.limb(i)).minus(out.times(256))));
    }
    difference.rangeCheck(chip, name + " gap", gate);
  }

  void fill(TraceTable t, int row) {
    BigInteger d = y.value(t, row).subtract(x.value(t, row)).subtract(BigInteger.ONE);
    if (d.signum() < 0) {
      throw new IllegalStateException(name + ": " + x.value(t, row) + " is not below " + y.value(t, row));
    }
    difference.fill(t, row, d);
    int carry = 1;
    for (int i = 0; i < Uint256.LIMBS - 1; i++) {
      carry = (x.limb(t, row, i) + difference.limb(t, row, i) + carry) >>> 8;
      t.set(carries.get(i), row, carry);
    }
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The identity x·y + addend = target (mod 2^64) on 8-byte two's-complement values, one equation
 * per byte k < 8: Σ_{i+j=k} x_i y_j + addend_k + carry_{k-1} = target_k + 256 carry_k. Each carry
 * is two columns, lo + 256 hi, range-checked as a byte pair, so carry < 2^16.
 *
 * <p>Why that bound is enough and not too small: with byte operands Σ x_i y_j ≤ 8·255² = 520200,
 * so an honest carry stays below (520200 + 255 + 2^11) / 256 < 2^11. With carries below 2^16 and
 * byte targets, both sides of every equation are below 2^25 &lt; p, so each holds over the
 * integers; summing them with weights 256^k gives the 64-bit identity exactly (carry_7 absorbs
 * what lies above 2^64). An unbounded carry would let the last equation hold for any target.
 */
final class WideProduct {

  static final int BYTES = 8;
  private static final int INV_256 = BabyBear.inv(256);

  private final List<Col> carryLo;
  private final List<Col> carryHi;

  WideProduct(Layout layout, String name) {
    this.carryLo = layout.cols(name + "_carry_lo", BYTES);
    this.carryHi = layout.cols(name + "_carry_hi", BYTES);
  }

  /** carry_k (0 for k &lt; 0). */
  Expr carry(int k) {
    return k < 0 ? Expr.constant(0) : carryLo.get(k).cur().plus(carryHi.get(k).cur().times(256));
  }

  /** The equation for byte {@code k}; each list holds 8 byte expressions, least significant first. */
  Expr byteEquation(int k, List<Expr> x, List<Expr> y, List<Expr> addend, List<Expr> target) {
    Expr sum = addend.get(k).plus(carry(k - 1));
    for (int i = 0; i <= k; i++) {
      sum = sum.plus(x.get(i).times(y.get(k - i)));
    }
    return sum.minus(target.get(k)).minus(carry(k).times(256));
  }

  /** The (RANGE, lo, hi, 0) tuples that bound every carry below 2^16. */
  List<List<Expr>> carryRangeTuples() {
    List<List<Expr>> out = new ArrayList<>();
    for (int k = 0; k < BYTES; k++) {
      out.add(Chip.tuple(ByteOp.RANGE.id(), carryLo.get(k).cur(), carryHi.get(k).cur(), 0));
    }
    return out;
  }

  /**
   * Writes the carries that make every byte equation hold in the field. For an honest witness they
   * are the integer carries; for a forged one some are not, and they are written so the equations
   * still hold but the range lookup of the carry fails: what a cheating prover is left with.
   */
  void fill(TraceTable t, int row, int[] x, int[] y, int[] addend, int[] target) {
    int carry = 0;
    for (int k = 0; k < BYTES; k++) {
      long sum = addend[k];
      for (int i = 0; i <= k; i++) {
        sum += (long) x[i] * y[k - i];
      }
      carry = BabyBear.mul(BabyBear.sub(BabyBear.add(BabyBear.fromLong(sum), carry), BabyBear.fromLong(target[k])), INV_256);
      if (carry < 1 << 16) {
        t.set(carryLo.get(k), row, carry & 0xff);
        t.set(carryHi.get(k), row, carry >>> 8);
      } else {
        t.set(carryLo.get(k), row, 0);
        t.set(carryHi.get(k), row, BabyBear.mul(carry, INV_256));
      }
    }
  }

  /** The 8 bytes of {@code w} extended by 4 copies of 255·{@code sign} (0 or 1). */
  static List<Expr> extend(Word w, Expr sign) {
    List<Expr> out = new ArrayList<>(w.exprs());
    for (int i = 4; i < BYTES; i++) {
      out.add(sign.times(255));
    }
    return out;
  }

  /** The 8 bytes of the 32-bit {@code value} extended by 4 copies of 255·{@code sign}. */
  static int[] extend(int value, int sign) {
    int[] out = new int[BYTES];
    for (int i = 0; i < BYTES; i++) {
      out[i] = i < 4 ? (value >>> (8 * i)) & 0xff : 255 * sign;
    }
    return out;
  }

  /** The 8 bytes of {@code value}, least significant first. */
  static int[] bytes(long value) {
    int[] out = new int[BYTES];
    for (int i = 0; i < BYTES; i++) {
      out[i] = (int) (value >>> (8 * i)) & 0xff;
    }
    return out;
  }

  /** Eight zero expressions: no addend. */
  static List<Expr> zeros() {
    return Collections.nCopies(BYTES, Expr.constant(0));
  }
}

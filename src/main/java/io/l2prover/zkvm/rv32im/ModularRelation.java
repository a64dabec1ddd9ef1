package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves Σ c·x·y + Σ c·z + k ≡ 0 (mod m) for 256-bit values held as byte limbs ({@link Uint256}):
 * signed small coefficients c, a constant k (a multiple of m, there to keep the sum non-negative)
 * and m either a constant (secp256k1's p) or columns (mulmod's modulus). The witness is the
 * quotient q (byte limbs, as many as the largest honest sum needs) and the carries of the limb
 * identity Σ c·x·y + Σ c·z + k − q·m = 0, one equation per limb position j:
 *
 * <pre>   S_j + carry_{j-1} = 256·carry_j     (carry_{-1} = 0, the last carry 0, no column)</pre>
 *
 * where S_j collects the limb products and limbs of weight 256^j. Each carry is two byte columns,
 * carry + offset = lo + 256·hi, looked up as a {@code RANGE} pair, so it lies in
 * [−offset, 2^16 − offset).
 *
 * <p>Why the identity then holds over the integers: the constructor bounds every S_j from the
 * terms (limbs are bytes: a product position has at most 32 limb pairs of at most 255² each),
 * derives the offset from the honest carries' range, and checks that |S_j| + 2^16 + 256·2^16 stays
 * below (p − 1)/2 for BabyBear's p; a position equation that holds in the field is then an integer
 * equation, and summing them with weights 256^j leaves Σ c·x·y + Σ c·z + k − q·m = 256^N·0. The
 * relation's limbs must be bytes: values read from memory are (their writers range-checked them),
 * values the chip computes must be range-checked by it, and q is range-checked here.
 */
final class ModularRelation {

  /** The largest honest carry range the two carry bytes hold. */
  private static final int CARRY_RANGE = 1 << 16;
  private static final long HALF_P = (BabyBear.P - 1) / 2;
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(8 * Uint256.LIMBS).subtract(BigInteger.ONE);

  private record Product(int coefficient, Uint256 x, Uint256 y) {}

  private record Term(int coefficient, Uint256 z) {}

  private final String name;
  private final List<Product> products;
  private final List<Term> terms;
  private final BigInteger offset;
  private final Uint256 modulus;
  private final List<Col> quotient;
  private final List<Col> carryLo;
  private final List<Col> carryHi;
  private final int positions;
  private final int carryOffset;

  /** The terms of a relation, collected before its columns are allocated. */
  static final class Builder {
    private final String name;
    private final List<Product> products = new ArrayList<>();
    private final List<Term> terms = new ArrayList<>();
    private BigInteger offset = BigInteger.ZERO;

    private Builder(String name) {
      this.name = name;
    }

    /** Adds coefficient·x·y. */
    Builder product(int coefficient, Uint256 x, Uint256 y) {
      products.add(new Product(coefficient, x, y));
      return this;
    }

    /** Adds coefficient·z. */
    Builder term(int coefficient, Uint256 z) {
      terms.add(new Term(coefficient, z));
      return this;
    }

    /** Adds the constant multiple·m (m a constant): keeps an honest sum non-negative, so q is. */
    Builder plusMultipleOfModulus(BigInteger multiple) {
      offset = multiple;
      return this;
    }

    /** Allocates the witness in {@code chip}'s layout and states the relation mod {@code m} on the rows {@code gate} selects (degree 1). */
    ModularRelation modulo(Uint256 m, Chip chip, Expr gate) {
      return new ModularRelation(this, m, chip, gate);
    }
  }

  static Builder named(String name) {
    return new Builder(name);
  }

  private ModularRelation(Builder b, Uint256 m, Chip chip, Expr gate) {
    this.name = b.name;
    this.products = List.copyOf(b.products);
    this.terms = List.copyOf(b.terms);
    this.modulus = m;
    boolean constantModulus = m.isConstant();
    if (b.offset.signum() != 0 && !constantModulus) {
      throw new IllegalArgumentException(name + ": a constant multiple of a modulus held in columns");
    }
    this.offset = constantModulus ? b.offset.multiply(m.constantValue()) : BigInteger.ZERO;
    // The largest sum: every positive term at its maximum; q is at most that over the smallest modulus.
    BigInteger largest = offset;
    for (Product p : products) {
      largest = largest.add(p.coefficient() > 0 ? MAX.multiply(MAX).multiply(BigInteger.valueOf(p.coefficient())) : BigInteger.ZERO);
    }
    for (Term t : terms) {
      largest = largest.add(t.coefficient() > 0 ? MAX.multiply(BigInteger.valueOf(t.coefficient())) : BigInteger.ZERO);
    }
    BigInteger smallest = constantModulus ? m.constantValue() : BigInteger.ONE;
    int quotientLimbs = Math.max(1, (largest.divide(smallest).bitLength() + 7) / 8);
    int top = Math.max(products.isEmpty() ? Uint256.LIMBS : 2 * Uint256.LIMBS - 1, quotientLimbs + Uint256.LIMBS - 1);
    this.positions = Math.max(top, (offset.bitLength() + 7) / 8);
    Layout layout = chip.layout;
    this.quotient = layout.cols(name + "_q", quotientLimbs);
    this.carryLo = layout.cols(name + "_carry_lo", positions - 1);
    this.carryHi = layout.cols(name + "_carry_hi", positions - 1);
    this.carryOffset = boundCarries();
    for (int j = 0; j < positions; j++) {
      chip.require(name + ": limb position " + j, gate.times(position(j).plus(carry(j - 1)).minus(carry(j).times(256))));
    }
    for (int i = 0; i < quotientLimbs; i += 2) {
      Expr next = i + 1 < quotientLimbs ? quotient.get(i + 1).cur() : Expr.constant(0);
      chip.send(name + ": quotient limbs " + i + ", " + (i + 1), Bus.BYTE, gate,
          Chip.tuple(ByteOp.RANGE.id(), quotient.get(i).cur(), next, 0));
    }
    for (int j = 0; j < positions - 1; j++) {
      chip.send(name + ": carry " + j, Bus.BYTE, gate, Chip.tuple(ByteOp.RANGE.id(), carryLo.get(j).cur(), carryHi.get(j).cur(), 0));
    }
  }

  /**
   * The carries' offset: the honest carries of any byte-limbed witness lie in [−offset, 2^16 −
   * offset). Checks that a position equation holding in the field holds over the integers.
   */
  private int boundCarries() {
    long carryLow = 0;
    long carryHigh = 0;
    long low = 0;
    long high = 0;
    long worst = 0;
    for (int j = 0; j < positions; j++) {
      long[] range = positionRange(j);
      carryLow = Math.floorDiv(range[0] + carryLow, 256);
      carryHigh = Math.floorDiv(range[1] + carryHigh, 256);
      low = Math.min(low, carryLow);
      high = Math.max(high, carryHigh);
      worst = Math.max(worst, Math.max(-range[0], range[1]));
    }
    long carryOffset = -low;
    if (high + carryOffset >= CARRY_RANGE) {
      throw new IllegalStateException(name + ": carries in [" + low + ", " + high + "] do not fit 16 bits");
    }
    if (worst + CARRY_RANGE + 256L * CARRY_RANGE >= HALF_P) {
      throw new IllegalStateException(name + ": a limb position of " + worst + " could wrap around the field");
    }
    return (int) carryOffset;
  }

  /** The least and greatest value of S_j over byte limbs. */
  private long[] positionRange(int j) {
    long low = 0;
    long high = 0;
    long square = 255L * 255;
    for (Product p : products) {
      long v = Math.abs((long) p.coefficient()) * pairs(j, Uint256.LIMBS) * square;
      if (p.coefficient() > 0) {
        high += v;
      } else {
        low -= v;
      }
    }
    for (Term t : terms) {
      long v = j < Uint256.LIMBS ? Math.abs((long) t.coefficient()) * 255 : 0;
      if (t.coefficient() > 0) {
        high += v;
      } else {
        low -= v;
      }
    }
    high += Uint256.limbOf(offset, j);
    low -= (long) pairs(j, quotient.size()) * square;
    return new long[] {low, high};
  }

  /** Limb pairs (i, j − i) with i below {@code limbs} and j − i below 32. */
  private static int pairs(int j, int limbs) {
    int n = 0;
    for (int i = 0; i < limbs; i++) {
      if (j - i >= 0 && j - i < Uint256.LIMBS) {
        n++;
      }
    }
    return n;
  }

  private Expr carry(int j) {
    if (j < 0 || j >= positions - 1) {
      return Expr.constant(0);
    }
    return carryLo.get(j).cur().plus(carryHi.get(j).cur().times(256)).minus(carryOffset);
  }

  /** S_j as an expression: the limb products and limbs of weight 256^j. */
  private Expr position(int j) {
    Expr sum = Expr.constant(Uint256.limbOf(offset, j));
    for (Product p : products) {
      for (int i = 0; i < Uint256.LIMBS; i++) {
        if (j - i >= 0 && j - i < Uint256.LIMBS) {
          sum = sum.plus(p.x().limb(i).times(p.y().limb(j - i)).times(p.coefficient()));
        }
      }
    }
    for (Term t : terms) {
      if (j < Uint256.LIMBS) {
        sum = sum.plus(t.z().limb(j).times(t.coefficient()));
      }
    }
    for (int i = 0; i < quotient.size(); i++) {
      if (j - i >= 0 && j - i < Uint256.LIMBS) {
        sum = sum.minus(quotient.get(i).cur().times(modulus.limb(j - i)));
      }
    }
    return sum;
  }

  /** The number of quotient limbs and carries: what one relation costs in columns. */
  int columns() {
    return quotient.size() + 2 * (positions - 1);
  }

  /**
   * Fills q and the carries from the relation's values on {@code row} (already in {@code t}).
   * The sum must be a non-negative multiple of m: anything else is a bug of the trace builder.
   */
  void fill(TraceTable t, int row) {
    BigInteger sum = offset;
    for (Product p : products) {
      sum = sum.add(p.x().value(t, row).multiply(p.y().value(t, row)).multiply(BigInteger.valueOf(p.coefficient())));
    }
    for (Term term : terms) {
      sum = sum.add(term.z().value(t, row).multiply(BigInteger.valueOf(term.coefficient())));
    }
    BigInteger m = modulus.value(t, row);
    if (m.signum() == 0 || sum.signum() < 0 || sum.mod(m).signum() != 0) {
      throw new IllegalStateException(name + ": " + sum + " is no non-negative multiple of " + m);
    }
    BigInteger q = sum.divide(m);
    if (q.bitLength() > 8 * quotient.size()) {
      throw new IllegalStateException(name + ": quotient " + q + " exceeds " + quotient.size() + " limbs");
    }
    for (int i = 0; i < quotient.size(); i++) {
      t.set(quotient.get(i), row, Uint256.limbOf(q, i));
    }
    long carry = 0;
    for (int j = 0; j < positions; j++) {
      long s = Uint256.limbOf(offset, j) + carry;
      for (Product p : products) {
        for (int i = 0; i < Uint256.LIMBS; i++) {
          if (j - i >= 0 && j - i < Uint256.LIMBS) {
            s += (long) p.coefficient() * p.x().limb(t, row, i) * p.y().limb(t, row, j - i);
          }
        }
      }
      for (Term term : terms) {
        if (j < Uint256.LIMBS) {
          s += (long) term.coefficient() * term.z().limb(t, row, j);
        }
      }
      for (int i = 0; i < quotient.size(); i++) {
        if (j - i >= 0 && j - i < Uint256.LIMBS) {
          s -= (long) Uint256.limbOf(q, i) * modulus.limb(t, row, j - i);
        }
      }
      if (Math.floorMod(s, 256) != 0) {
        throw new IllegalStateException(name + ": position " + j + " leaves " + s);
      }
      carry = Math.floorDiv(s, 256);
      if (j < positions - 1) {
        long held = carry + carryOffset;
        t.set(carryLo.get(j), row, held & 0xff);
        t.set(carryHi.get(j), row, held >>> 8);
      } else if (carry != 0) {
        throw new IllegalStateException(name + ": a last carry of " + carry);
      }
    }
  }
}

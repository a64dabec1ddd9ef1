package io.l2prover.zkvm.field;

/**
 * An element a0 + a1 X + a2 X^2 + a3 X^3 of the degree-4 extension BabyBear[X] / (X^4 - 11),
 * coefficients canonical. Used for challenges and out-of-domain points.
 */
public record Ext4(int a0, int a1, int a2, int a3) {

  /** W in X^4 = W: 11 is not a fourth power in BabyBear, so X^4 - 11 is irreducible. */
  public static final int W = 11;

  public static final Ext4 ZERO = new Ext4(0, 0, 0, 0);
  public static final Ext4 ONE = new Ext4(1, 0, 0, 0);

  public Ext4 {
    checkCanonical(a0);
    checkCanonical(a1);
    checkCanonical(a2);
    checkCanonical(a3);
  }

  private static void checkCanonical(int c) {
    if (c < 0 || c >= BabyBear.P) {
      throw new IllegalArgumentException("not a canonical BabyBear value: " + Integer.toUnsignedString(c));
    }
  }

  /** Embeds a base-field element. */
  public static Ext4 of(int base) {
    return new Ext4(base, 0, 0, 0);
  }

  public static Ext4 of(int[] coefficients) {
    return new Ext4(coefficients[0], coefficients[1], coefficients[2], coefficients[3]);
  }

  public int[] toArray() {
    return new int[] {a0, a1, a2, a3};
  }

  public boolean isZero() {
    return (a0 | a1 | a2 | a3) == 0;
  }

  public Ext4 add(Ext4 o) {
    return new Ext4(BabyBear.add(a0, o.a0), BabyBear.add(a1, o.a1), BabyBear.add(a2, o.a2), BabyBear.add(a3, o.a3));
  }

  public Ext4 add(int base) {
    return new Ext4(BabyBear.add(a0, base), a1, a2, a3);
  }

  public Ext4 sub(Ext4 o) {
    return new Ext4(BabyBear.sub(a0, o.a0), BabyBear.sub(a1, o.a1), BabyBear.sub(a2, o.a2), BabyBear.sub(a3, o.a3));
  }

  public Ext4 sub(int base) {
    return new Ext4(BabyBear.sub(a0, base), a1, a2, a3);
  }

  public Ext4 neg() {
    return new Ext4(BabyBear.neg(a0), BabyBear.neg(a1), BabyBear.neg(a2), BabyBear.neg(a3));
  }

  public Ext4 mul(int base) {
    return new Ext4(BabyBear.mul(a0, base), BabyBear.mul(a1, base), BabyBear.mul(a2, base), BabyBear.mul(a3, base));
  }

  public Ext4 mul(Ext4 o) {
    // Schoolbook product with X^4 = W folded in. Each product is below 2^62, so it is reduced
    // before two are added; sums of two reduced-then-multiplied terms stay below 2^63.
    long w1 = (long) W * BabyBear.fromLong(prod(a1, o.a3) + prod(a2, o.a2) + prod(a3, o.a1));
    long w2 = (long) W * BabyBear.fromLong(prod(a2, o.a3) + prod(a3, o.a2));
    long w3 = W * prod(a3, o.a3);
    long c0 = prod(a0, o.a0) + w1;
    long c1 = prod(a0, o.a1) + prod(a1, o.a0) + w2;
    long c2 = prod(a0, o.a2) + prod(a1, o.a1) + prod(a2, o.a0) + w3;
    long c3 = prod(a0, o.a3) + prod(a1, o.a2) + prod(a2, o.a1) + prod(a3, o.a0);
    return new Ext4(BabyBear.fromLong(c0), BabyBear.fromLong(c1), BabyBear.fromLong(c2), BabyBear.fromLong(c3));
  }

  /** A product reduced mod p (below 2^31), so several can be summed in a long. */
  private static long prod(int a, int b) {
    return ((long) a * b) % BabyBear.P;
  }

  public Ext4 square() {
    return mul(this);
  }

  public Ext4 pow(long exponent) {
    Ext4 result = ONE;
    Ext4 b = this;
    long e = exponent;
    while (e != 0) {
      if ((e & 1) != 0) {
        result = result.mul(b);
      }
      b = b.square();
      e >>>= 1;
    }
    return result;
  }

  /**
   * The inverse, through the norm to the base field: x^-1 = conj(x) / N(x), where conj is the
   * product of the other three Galois conjugates, computed with x^(p) and x^(p^2) via powers.
   */
  public Ext4 inv() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero in BabyBear^4");
    }
    // x^(p + p^2 + p^3) is the product of the conjugates other than x; times x it lies in the base field.
    Ext4 xp = frobenius();
    Ext4 xp2 = xp.frobenius();
    Ext4 xp3 = xp2.frobenius();
    Ext4 others = xp.mul(xp2).mul(xp3);
    Ext4 norm = others.mul(this);
    int normInv = BabyBear.inv(norm.a0);
    assert norm.a1 == 0 && norm.a2 == 0 && norm.a3 == 0 : "norm not in base field";
    return others.mul(normInv);
  }

  /** x^p: X^p = X * W^((p-1)/4), so coefficient i is scaled by W^(i (p-1)/4). */
  public Ext4 frobenius() {
    int z = BabyBear.pow(W, (BabyBear.P - 1L) / 4);
    int z2 = BabyBear.mul(z, z);
    int z3 = BabyBear.mul(z2, z);
    return new Ext4(a0, BabyBear.mul(a1, z), BabyBear.mul(a2, z2), BabyBear.mul(a3, z3));
  }

  @Override
  public String toString() {
    return "[" + a0 + ", " + a1 + ", " + a2 + ", " + a3 + "]";
  }
}

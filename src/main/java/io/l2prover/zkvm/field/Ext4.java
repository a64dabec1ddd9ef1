package io.l2prover.zkvm.field;

/**
 * An element a0 + a1 X + a2 X^2 + a3 X^3 of the degree-4 extension BabyBear[X] / (X^4 - 11),
 * coefficients canonical. Used for challenges and out-of-domain points.
 */
public record Ext4(int a0, int a1, int a2, int a3) {

  /** W in X^4 = W: 11 is not a fourth power in BabyBear, so X^4 - 11 is irreducible. */
  public static final int W = 11;

  /** W^((p-1)/4) and its square and cube: the Frobenius map's twist of X, X^2, X^3. */
  private static final int FROBENIUS_1 = BabyBear.pow(W, (BabyBear.P - 1L) / 4);
  private static final int FROBENIUS_2 = BabyBear.mul(FROBENIUS_1, FROBENIUS_1);
  private static final int FROBENIUS_3 = BabyBear.mul(FROBENIUS_2, FROBENIUS_1);

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

  /** The coordinates of each element in turn: 4 ints per element (the layout kernels read). */
  public static int[] flatten(Ext4[] values) {
    int[] out = new int[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      out[4 * i] = values[i].a0;
      out[4 * i + 1] = values[i].a1;
      out[4 * i + 2] = values[i].a2;
      out[4 * i + 3] = values[i].a3;
    }
    return out;
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
    // Schoolbook product with X^4 = W folded in. A product of canonical values is below p^2 and
    // 2 p^2 + 12 p < 2^63, so two products and a few reduced terms can share one reduction:
    // 10 reductions instead of one per product.
    final long p = BabyBear.P;
    long w23 = W * ((o.a3 * (long) a2 + o.a2 * (long) a3) % p);
    long w1 = W * (((a1 * (long) o.a3 + a2 * (long) o.a2) % p + a3 * (long) o.a1) % p);
    long w3 = W * ((a3 * (long) o.a3) % p);
    long c0 = (a0 * (long) o.a0 + w1) % p;
    long c1 = (a0 * (long) o.a1 + a1 * (long) o.a0 + w23) % p;
    long c2 = ((a0 * (long) o.a2 + a1 * (long) o.a1) % p + a2 * (long) o.a0 + w3) % p;
    long c3 = ((a0 * (long) o.a3 + a1 * (long) o.a2) % p + a2 * (long) o.a1 + a3 * (long) o.a0) % p;
    return new Ext4((int) c0, (int) c1, (int) c2, (int) c3);
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
    return new Ext4(a0, BabyBear.mul(a1, FROBENIUS_1), BabyBear.mul(a2, FROBENIUS_2), BabyBear.mul(a3, FROBENIUS_3));
  }

  @Override
  public String toString() {
    return "[" + a0 + ", " + a1 + ", " + a2 + ", " + a3 + "]";
  }

  /**
   * out[oo..oo+3] = x[xo..xo+3] * y[yo..yo+3], elements stored flat as four coefficients, for
   * the prover's inner loops that cannot afford an object per element; out may alias x or y.
   */
  public static void mulInto(int[] x, int xo, int[] y, int yo, int[] out, int oo) {
    mulInto(x, xo, 1, y, yo, 1, out, oo, 1);
  }

  /**
   * {@link #mulInto} with each operand's coordinates {@code stride} ints apart (for arrays that
   * hold many elements coordinate by coordinate).
   */
  public static void mulInto(int[] x, int xo, int xs, int[] y, int yo, int ys, int[] out, int oo, int os) {
    final long p = BabyBear.P;
    long a0 = x[xo];
    long a1 = x[xo + xs];
    long a2 = x[xo + 2 * xs];
    long a3 = x[xo + 3 * xs];
    long b0 = y[yo];
    long b1 = y[yo + ys];
    long b2 = y[yo + 2 * ys];
    long b3 = y[yo + 3 * ys];
    // Two products of values below p stay below 2^63, so reduce after every pair.
    long c0 = (a0 * b0 % p) + W * ((a1 * b3 + a2 * b2) % p + a3 * b1 % p);
    long c1 = (a0 * b1 + a1 * b0) % p + W * ((a2 * b3 + a3 * b2) % p);
    long c2 = (a0 * b2 + a1 * b1) % p + (a2 * b0 % p) + W * (a3 * b3 % p);
    long c3 = (a0 * b3 + a1 * b2) % p + (a2 * b1 + a3 * b0) % p;
    out[oo] = (int) (c0 % p);
    out[oo + os] = (int) (c1 % p);
    out[oo + 2 * os] = (int) (c2 % p);
    out[oo + 3 * os] = (int) (c3 % p);
  }
}

package io.l2prover.zkvm.field;

/**
 * The BabyBear prime field, p = 2^31 - 2^27 + 1, on canonical {@code int} values in [0, p).
 *
 * <p>Every method takes and returns canonical values, so callers never see the internal
 * representation; the arithmetic inside may change for speed without touching them.
 */
public final class BabyBear {

  /** The modulus 2^31 - 2^27 + 1 = 15 * 2^27 + 1. */
  public static final int P = 0x78000001;

  /** A generator of the multiplicative group (as in Plonky3). */
  public static final int GENERATOR = 31;

  /** p - 1 = 15 * 2^27: the largest power-of-two subgroup has order 2^27. */
  public static final int TWO_ADICITY = 27;

  /** A primitive 2^27-th root of unity (31^15, as in Plonky3). */
  public static final int TWO_ADIC_ROOT = 0x1a427a41;

  private BabyBear() {}

  public static int add(int a, int b) {
    int s = a + b; // a, b < 2^31 - 2^27: no int overflow past 2^32
    return s >= P || s < 0 ? s - P : s;
  }

  public static int sub(int a, int b) {
    int d = a - b;
    return d < 0 ? d + P : d;
  }

  public static int neg(int a) {
    return a == 0 ? 0 : P - a;
  }

  public static int mul(int a, int b) {
    return (int) (((long) a * b) % P);
  }

  public static int square(int a) {
    return mul(a, a);
  }

  /** Reduces any long (negative too) into the field. */
  public static int fromLong(long v) {
    long r = v % P;
    return (int) (r < 0 ? r + P : r);
  }

  public static int pow(int base, long exponent) {
    if (exponent < 0) {
      throw new IllegalArgumentException("negative exponent " + exponent);
    }
    int result = 1;
    int b = base;
    long e = exponent;
    while (e != 0) {
      if ((e & 1) != 0) {
        result = mul(result, b);
      }
      b = mul(b, b);
      e >>>= 1;
    }
    return result;
  }

  /** The multiplicative inverse; zero has none. */
  public static int inv(int a) {
    if (a == 0) {
      throw new ArithmeticException("inverse of zero in BabyBear");
    }
    return pow(a, P - 2L);
  }

  /** A primitive 2^bits-th root of unity, 0 <= bits <= 27. */
  public static int twoAdicGenerator(int bits) {
    if (bits < 0 || bits > TWO_ADICITY) {
      throw new IllegalArgumentException("no 2^" + bits + "-th root of unity in BabyBear");
    }
    int g = TWO_ADIC_ROOT;
    for (int i = bits; i < TWO_ADICITY; i++) {
      g = mul(g, g);
    }
    return g;
  }

  /**
   * Inverts every element of {@code values} into {@code out} with one field inversion
   * (Montgomery's trick). Zeros are not allowed.
   */
  public static void batchInverse(int[] values, int[] out) {
    int n = values.length;
    if (out.length < n) {
      throw new IllegalArgumentException("output shorter than input");
    }
    if (n == 0) {
      return;
    }
    int acc = 1;
    for (int i = 0; i < n; i++) {
      out[i] = acc;
      acc = mul(acc, values[i]);
    }
    int invAcc = inv(acc);
    for (int i = n - 1; i >= 0; i--) {
      int v = values[i];
      out[i] = mul(out[i], invAcc);
      invAcc = mul(invAcc, v);
    }
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * What secp256k1_add and secp256k1_double share once their slope λ is proven: the result
 * x3 = λ² − x1 − x2, y3 = λ·(x1 − x3) − y1 (mod p) as two {@link ModularRelation}s on the rows
 * {@code compute} selects, x3 and y3 range-checked and below p, and on the rows {@code same}
 * selects (the call writes nothing and returns 1) x3 = x1 and y3 = y1 limb by limb, so the words
 * written over P are P's own. Both relations add a constant multiple of p so that an honest sum is
 * never negative: 3p covers x3 + x1 + x2, (2^256 + 1)·p covers λ·x3 + y3 + y1.
 */
final class Secp256k1Step {

  /** secp256k1's field prime p = 2^256 − 2^32 − 977. */
  static final BigInteger P = BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(32)).subtract(BigInteger.valueOf(977));
  static final Uint256 MODULUS = Uint256.constant(P);

  private final Uint256 lambda;
  private final Uint256 x3;
  private final Uint256 y3;
  private final ModularRelation xRelation;
  private final ModularRelation yRelation;
  private final LessThan256 x3Below;
  private final LessThan256 y3Below;

  /**
   * @param active a call's row
   * @param compute a call's row that writes the result (active minus same)
   * @param same a call's row that writes nothing
   */
  Secp256k1Step(Chip chip, Uint256 x1, Uint256 y1, Uint256 x2, Expr active, Expr compute, Expr same) {
    this.lambda = Uint256.columns(chip.layout, "lambda");
    this.x3 = Uint256.columns(chip.layout, "x3");
    this.y3 = Uint256.columns(chip.layout, "y3");
    lambda.rangeCheck(chip, "lambda", compute);
    x3.rangeCheck(chip, "x3", active);
    y3.rangeCheck(chip, "y3", active);
    x3Below = belowP(chip, "x3", x3, active);
    y3Below = belowP(chip, "y3", y3, active);
    xRelation = ModularRelation.named("x3").product(1, lambda, lambda).term(-1, x3).term(-1, x1).term(-1, x2)
        .plusMultipleOfModulus(BigInteger.valueOf(3)).modulo(MODULUS, chip, compute);
    yRelation = ModularRelation.named("y3").product(1, lambda, x1).product(-1, lambda, x3).term(-1, y3).term(-1, y1)
        .plusMultipleOfModulus(BigInteger.TWO.pow(256).add(BigInteger.ONE)).modulo(MODULUS, chip, compute);
    for (int i = 0; i < Uint256.LIMBS; i++) {
      chip.require("nothing written: x limb " + i, same.times(x3.limb(i).minus(x1.limb(i))));
      chip.require("nothing written: y limb " + i, same.times(y3.limb(i).minus(y1.limb(i))));
    }
  }

  /** The slope's columns, for the chip's own relation that proves it. */
  Uint256 lambda() {
    return lambda;
  }

  /** The result's 16 words as memory values (x3 then y3). */
  List<List<Expr>> written() {
    return MemoryOperand.words(x3, y3);
  }

  /** value &lt; p on the rows {@code gate} selects: a coordinate as the executor accepts it. */
  static LessThan256 belowP(Chip chip, String name, Uint256 value, Expr gate) {
    return new LessThan256(chip, name + "_below_p", value, MODULUS, gate);
  }

  /** Fills the step: with {@code slope} null the call writes nothing (x3 = x1, y3 = y1). */
  void fill(TraceTable t, int row, BigInteger x1, BigInteger y1, BigInteger x2, BigInteger slope) {
    int[] point = result(x1, y1, x2, slope);
    x3.fill(t, row, Arrays.copyOfRange(point, 0, Uint256.WORDS));
    y3.fill(t, row, Arrays.copyOfRange(point, Uint256.WORDS, 2 * Uint256.WORDS));
    if (slope != null) {
      lambda.fill(t, row, slope);
      xRelation.fill(t, row);
      yRelation.fill(t, row);
    }
    x3Below.fill(t, row);
    y3Below.fill(t, row);
  }

  /** The 16 words x3, y3 of the result for slope {@code slope}, or P's own with {@code slope} null. */
  static int[] result(BigInteger x1, BigInteger y1, BigInteger x2, BigInteger slope) {
    BigInteger x = slope == null ? x1 : slope.multiply(slope).subtract(x1).subtract(x2).mod(P);
    BigInteger y = slope == null ? y1 : slope.multiply(x1.subtract(x)).subtract(y1).mod(P);
    int[] out = new int[2 * Uint256.WORDS];
    System.arraycopy(Uint256.toWords(x), 0, out, 0, Uint256.WORDS);
    System.arraycopy(Uint256.toWords(y), 0, out, Uint256.WORDS, Uint256.WORDS);
    return out;
  }

  /** Coordinate {@code i} (0: x, 1: y) of a point held as 16 words, checked to be below p as the executor requires. */
  static BigInteger coordinate(int[] point, int i, String what) {
    int[] words = new int[Uint256.WORDS];
    System.arraycopy(point, Uint256.WORDS * i, words, 0, Uint256.WORDS);
    BigInteger v = Uint256.fromWords(words);
    if (v.compareTo(P) >= 0) {
      throw new IllegalStateException(what + " has a coordinate not below p (a fault in the executor)");
    }
    return v;
  }
}

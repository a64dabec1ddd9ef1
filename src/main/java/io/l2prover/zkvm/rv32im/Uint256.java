package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A 256-bit value as 32 byte limbs, least significant first: either 32 columns of a chip or a
 * constant. Word w of it (the layout of precompile operands in guest memory) is bytes 4w..4w+3.
 */
final class Uint256 {

  static final int LIMBS = 32;
  static final int WORDS = 8;

  private final List<Col> bytes;
  private final BigInteger constant;

  private Uint256(List<Col> bytes, BigInteger constant) {
    this.bytes = bytes;
    this.constant = constant;
  }

  /** 32 byte columns named {@code name[0..31]}. */
  static Uint256 columns(Layout layout, String name) {
    return new Uint256(layout.cols(name, LIMBS), null);
  }

  /** A constant below 2^256. */
  static Uint256 constant(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 8 * LIMBS) {
      throw new IllegalArgumentException("not a 256-bit value: " + value);
    }
    return new Uint256(null, value);
  }

  boolean isConstant() {
    return bytes == null;
  }

  /** The constant's value. */
  BigInteger constantValue() {
    if (constant == null) {
      throw new IllegalStateException("a value in columns is no constant");
    }
    return constant;
  }

  /** Limb {@code i} on the current row. */
  Expr limb(int i) {
    return bytes != null ? bytes.get(i).cur() : Expr.constant(limbOf(constant, i));
  }

  List<Expr> limbs() {
    List<Expr> out = new ArrayList<>(LIMBS);
    for (int i = 0; i < LIMBS; i++) {
      out.add(limb(i));
    }
    return out;
  }

  /** Word {@code w} as four byte expressions (a memory value). */
  List<Expr> word(int w) {
    return limbs().subList(4 * w, 4 * w + 4);
  }

  /** Limb {@code i} on {@code row} of {@code t}. */
  int limb(TraceTable t, int row, int i) {
    return bytes != null ? t.get(bytes.get(i), row) : limbOf(constant, i);
  }

  /** The value on {@code row} of {@code t} (limbs assumed to be bytes). */
  BigInteger value(TraceTable t, int row) {
    if (bytes == null) {
      return constant;
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = LIMBS - 1; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(t.get(bytes.get(i), row)));
    }
    return v;
  }

  void fill(TraceTable t, int row, BigInteger value) {
    for (int i = 0; i < LIMBS; i++) {
      t.set(bytes.get(i), row, limbOf(value, i));
    }
  }

  /** Fills the value held by 8 little-endian words. */
  void fill(TraceTable t, int row, int[] words) {
    fill(t, row, fromWords(words));
  }

  /** The (RANGE, x, y, 0) lookups that make every limb a byte, two limbs each. */
  void rangeCheck(Chip chip, String what, Expr gate) {
    for (int i = 0; i < LIMBS; i += 2) {
      chip.send(what + " limbs " + i + ", " + (i + 1), Bus.BYTE, gate,
          Chip.tuple(ByteOp.RANGE.id(), limb(i), limb(i + 1), 0));
    }
  }

  static int limbOf(BigInteger value, int i) {
    return value.shiftRight(8 * i).intValue() & 0xff;
  }

  static BigInteger fromWords(int[] words) {
    BigInteger v = BigInteger.ZERO;
    for (int i = words.length - 1; i >= 0; i--) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(words[i])));
    }
    return v;
  }

  static int[] toWords(BigInteger value) {
    int[] out = new int[WORDS];
    for (int i = 0; i < WORDS; i++) {
      out[i] = value.shiftRight(32 * i).intValue();
    }
    return out;
  }
}

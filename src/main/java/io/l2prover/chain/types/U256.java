package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import io.l2prover.util.Hex;
import java.math.BigInteger;

/**
 * An unsigned 256-bit integer (balances, fees, values). Arithmetic that would leave the range
 * throws instead of wrapping: in this layer an overflow is always a bug or an invalid input.
 */
public final class U256 implements Comparable<U256> {

  /** 2^256 - 1. */
  public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  public static final U256 ZERO = new U256(BigInteger.ZERO);
  public static final U256 ONE = new U256(BigInteger.ONE);

  private final BigInteger value;

  private U256(BigInteger value) {
    this.value = value;
  }

  public static U256 of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
      throw new ChainException("value out of the 256-bit unsigned range: " + value);
    }
    return value.signum() == 0 ? ZERO : new U256(value);
  }

  public static U256 of(long value) {
    if (value < 0) {
      throw new ChainException("value out of the 256-bit unsigned range: " + value);
    }
    return of(BigInteger.valueOf(value));
  }

  /** Parses a 0x-hex quantity or a decimal number. */
  public static U256 parse(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
        String digits = trimmed.substring(2);
        return of(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16));
      }
      return of(new BigInteger(trimmed));
    } catch (NumberFormatException e) {
      throw new ChainException("not a number: '" + text + "'");
    }
  }

  public BigInteger toBigInteger() {
    return value;
  }

  /** The value as a long; fails when it does not fit in 63 bits. */
  public long toLongExact() {
    if (value.bitLength() > 63) {
      throw new ChainException("value " + value + " does not fit in 63 bits");
    }
    return value.longValue();
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public U256 add(U256 other) {
    return of(value.add(other.value));
  }

  public U256 subtract(U256 other) {
    return of(value.subtract(other.value));
  }

  public U256 multiply(long factor) {
    return of(value.multiply(BigInteger.valueOf(factor)));
  }

  public U256 min(U256 other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** Big-endian, exactly 32 bytes. */
  public byte[] toBytes32() {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  public String toHexQuantity() {
    return Hex.quantity(value);
  }

  @Override
  public int compareTo(U256 other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof U256 that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

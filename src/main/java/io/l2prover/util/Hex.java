package io.l2prover.util;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.function.Function;

/** 0x-prefixed hex, the way Ethereum's JSON-RPC writes byte strings and quantities: strict for the wire, lenient for chain files. */
public final class Hex {

  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  /** Encodes bytes as {@code 0x} followed by two lower-case digits per byte. */
  public static String encode(byte[] bytes) {
    return "0x" + LOWER.formatHex(bytes);
  }

  /**
   * Decodes {@code 0x}-prefixed hex with an even number of digits.
   *
   * @param what names the value in the error message, e.g. {@code "input.block"}
   * @throws IllegalArgumentException naming {@code what} when the text is not such hex
   */
  public static byte[] decode(String text, String what) {
    if (text == null || !text.startsWith("0x")) {
      throw new IllegalArgumentException(what + " must be a 0x-prefixed hex string");
    }
    String digits = text.substring(2);
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException(what + " has an odd number of hex digits");
    }
    try {
      return LOWER.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " contains a character that is not a hex digit");
    }
  }

  /** Encodes a non-negative quantity the JSON-RPC way: {@code 0x0}, {@code 0x1f}, no leading zeros. */
  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a quantity cannot be negative: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  /** A quantity of any size: {@code 0x} followed by the shortest hex digits ({@code 0x0} for zero). */
  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a quantity cannot be negative: " + value);
    }
    return "0x" + value.toString(16);
  }

  /**
   * Decodes hex data leniently, as chain files write it: with or without {@code 0x}, an odd digit
   * count gets a leading zero.
   *
   * @throws IllegalArgumentException saying "not hex" when the text has a non-hex character
   */
  public static byte[] parse(String text) {
    return parse(text, IllegalArgumentException::new);
  }

  /** {@link #parse(String)} that reports a non-hex text with the exception {@code error} makes of the message. */
  public static byte[] parse(String text, Function<String, ? extends RuntimeException> error) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() % 2 == 1) {
      digits = "0" + digits;
    }
    try {
      return LOWER.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw error.apply("not hex: '" + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + "'");
    }
  }

  /** Decodes a JSON-RPC quantity ({@code 0x}-prefixed, at most 63 bits). */
  public static long parseQuantity(String text, String what) {
    if (text == null || !text.startsWith("0x") || text.length() < 3 || text.length() > 18) {
      throw new IllegalArgumentException(what + " must be a 0x-prefixed hex quantity");
    }
    try {
      long value = Long.parseUnsignedLong(text.substring(2), 16);
      if (value < 0) {
        throw new IllegalArgumentException(what + " does not fit in 63 bits");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a 0x-prefixed hex quantity");
    }
  }
}

package io.l2prover.util;

import java.util.HexFormat;

/** 0x-prefixed hex, the way Ethereum's JSON-RPC writes byte strings and quantities. */
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

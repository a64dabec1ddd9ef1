package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import java.math.BigInteger;
import java.util.HexFormat;

/** 0x-prefixed hex for data and quantities, as Ethereum's JSON-RPC writes them. */
public final class Hex {

  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  /** Data: {@code 0x} followed by two digits per byte. */
  public static String data(byte[] bytes) {
    return io.l2prover.util.Hex.encode(bytes);
  }

  /** A quantity: {@code 0x} followed by the shortest hex digits ({@code 0x0} for zero). */
  public static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** A quantity: {@code 0x} followed by the shortest hex digits ({@code 0x0} for zero). */
  public static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  /** Parses hex data with or without {@code 0x}; an odd digit count gets a leading zero. */
  public static byte[] parse(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() % 2 == 1) {
      digits = "0" + digits;
    }
    try {
      return HEX.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new ChainException("not hex: '" + abbreviate(text) + "'");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}

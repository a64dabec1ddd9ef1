package io.l2prover.chain.rlp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B). Every method returns the
 * complete encoding of one item; lists take their items already encoded.
 */
public final class Rlp {


  private static final int SHORT_LIMIT = 55;

  private Rlp() {}

  /** The encoding of the empty byte string (a fresh array: callers may keep or change it). */
  public static byte[] emptyString() {
    return new byte[] {(byte) 0x80};
  }

  /** A byte string. */
  public static byte[] bytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return value.clone();
    }
    return withPrefix(0x80, value);
  }

  /** A non-negative integer: big-endian without leading zeros, zero as the empty string. */
  public static byte[] u64(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
    }
    return bytes(minimalBigEndian(value));
  }

  /** A non-negative big integer: big-endian without leading zeros, zero as the empty string. */
  public static byte[] bigInt(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
    }
    return bytes(unsignedBytes(value));
  }

  /** A list of items, each already RLP-encoded. */
  public static byte[] list(List<byte[]> encodedItems) {
    var payload = new ByteArrayOutputStream();
    for (byte[] item : encodedItems) {
      payload.writeBytes(item);
    }
    return withPrefix(0xc0, payload.toByteArray());
  }

  /** A list of items, each already RLP-encoded. */
  public static byte[] list(byte[]... encodedItems) {
    return list(List.of(encodedItems));
  }

  /** The big-endian bytes of {@code value} with no leading zeros (empty for zero). */
  public static byte[] minimalBigEndian(long value) {
    int length = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** The big-endian bytes of a non-negative {@code value} with no leading zeros. */
  public static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = value.toByteArray();
    if (raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return raw;
  }

  private static byte[] withPrefix(int base, byte[] payload) {
    byte[] header;
    if (payload.length <= SHORT_LIMIT) {
      header = new byte[] {(byte) (base + payload.length)};
    } else {
      byte[] length = minimalBigEndian(payload.length);
      header = new byte[1 + length.length];
      header[0] = (byte) (base + SHORT_LIMIT + length.length);
      System.arraycopy(length, 0, header, 1, length.length);
    }
    byte[] out = new byte[header.length + payload.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(payload, 0, out, header.length, payload.length);
    return out;
  }
}

package io.l2prover.chain.types;

import io.l2prover.util.ByteValue;

/** An immutable byte string (transaction data, extra data, logs bloom). */
public final class Bytes extends ByteValue {

  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private Bytes(byte[] value) {
    super(value);
  }

  /** A copy of {@code value}. */
  public static Bytes of(byte[] value) {
    return value.length == 0 ? EMPTY : new Bytes(value.clone());
  }

  /** Parses 0x-hex data. */
  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.parse(hex));
  }

  /** How many bytes there are. */
  public int size() {
    return byteCount();
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return byteAt(index);
  }
}

package io.l2prover.util;

/** An immutable byte string with value equality; prints as 0x-hex. */
public final class Bytes extends ByteValue {

  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private Bytes(byte[] data) {
    super(data);
  }

  /** Wraps a copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  /** The empty byte string. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** Parses 0x-hex; {@code what} names the value in the error message. */
  public static Bytes fromHex(String text, String what) {
    return new Bytes(Hex.decode(text, what));
  }

  /** How many bytes there are. */
  public int length() {
    return byteCount();
  }
}

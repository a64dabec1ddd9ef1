package io.l2prover.util;

/** An immutable byte string with value equality (wire data, journals, transaction data, extra data); prints as 0x-hex. */
public final class Bytes extends ByteValue {

  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private Bytes(byte[] data) {
    super(data);
  }

  /** Wraps a copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** Parses strict 0x-hex (the wire's); {@code what} names the value in the error message. */
  public static Bytes fromHex(String text, String what) {
    return new Bytes(Hex.decode(text, what));
  }

  /** Parses hex leniently, as chain files write it ({@link Hex#parse(String)}). */
  public static Bytes fromHex(String text) {
    return new Bytes(Hex.parse(text));
  }

  /** How many bytes there are. */
  public int length() {
    return byteCount();
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return byteAt(index);
  }
}

package io.l2prover.util;

import java.util.Arrays;

/** An immutable byte string with value equality; prints as 0x-hex. */
public final class Bytes {

  private static final Bytes EMPTY = new Bytes(new byte[0]);
  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** Wraps a copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  public static Bytes empty() {
    return EMPTY;
  }

  /** Parses 0x-hex; {@code what} names the value in the error message. */
  public static Bytes fromHex(String text, String what) {
    return new Bytes(Hex.decode(text, what));
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  public String toHex() {
    return Hex.encode(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return toHex();
  }
}

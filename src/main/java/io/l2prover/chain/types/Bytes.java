package io.l2prover.chain.types;

import java.util.Arrays;

/** An immutable byte string (transaction data, extra data, logs bloom). */
public final class Bytes {

  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] value;

  private Bytes(byte[] value) {
    this.value = value;
  }

  /** A copy of {@code value}. */
  public static Bytes of(byte[] value) {
    return value.length == 0 ? EMPTY : new Bytes(value.clone());
  }

  /** Parses 0x-hex data. */
  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.parse(hex));
  }

  public int size() {
    return value.length;
  }

  public byte get(int index) {
    return value[index];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  public String toHex() {
    return Hex.data(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes that && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}

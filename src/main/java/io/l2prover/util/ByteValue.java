package io.l2prover.util;

import java.util.Arrays;

/** Base of the immutable byte-string value types: equal when of the same type with the same bytes, printed as 0x-hex. */
public abstract class ByteValue {

  private final byte[] bytes;

  /** Takes {@code bytes} as they are: the subclass passes an array nobody else holds. */
  protected ByteValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of the bytes. */
  public final byte[] toArray() {
    return bytes.clone();
  }

  /** {@code 0x} followed by two lower-case digits per byte. */
  public final String toHex() {
    return Hex.encode(bytes);
  }

  /** The byte at {@code index}. */
  protected final byte byteAt(int index) {
    return bytes[index];
  }

  /** How many bytes there are. */
  protected final int byteCount() {
    return bytes.length;
  }

  /** Unsigned lexicographic order of the bytes, for subclasses that are {@link Comparable}. */
  protected final int compareBytes(ByteValue other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((ByteValue) other).bytes);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public final String toString() {
    return toHex();
  }
}

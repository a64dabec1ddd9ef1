package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import java.util.Arrays;

/** A 20-byte account address. */
public final class Address implements Comparable<Address> {

  /** The zero address. */
  public static final Address ZERO = new Address(new byte[20]);

  private final byte[] value;

  private Address(byte[] value) {
    this.value = value;
  }

  /** A copy of {@code bytes}, which must be 20 bytes long. */
  public static Address of(byte[] bytes) {
    if (bytes.length != 20) {
      throw new ChainException("an address is 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /** Parses 0x-hex of exactly 20 bytes (checksum case is not checked). */
  public static Address fromHex(String hex) {
    return of(Hex.parse(hex));
  }

  /** A copy of the 20 bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  public String toHex() {
    return Hex.data(value);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Address that && Arrays.equals(value, that.value);
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

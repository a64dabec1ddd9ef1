package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import io.l2prover.util.ByteValue;
import io.l2prover.util.Hex;

/** A 20-byte account address. */
public final class Address extends ByteValue implements Comparable<Address> {

  /** The zero address. */
  public static final Address ZERO = new Address(new byte[20]);

  private Address(byte[] value) {
    super(value);
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
    return of(Hex.parse(hex, ChainException::new));
  }

  @Override
  public int compareTo(Address other) {
    return compareBytes(other);
  }
}

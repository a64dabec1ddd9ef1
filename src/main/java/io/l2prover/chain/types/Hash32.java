package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import java.util.Arrays;

/** A 32-byte hash (keccak-256 output, trie roots, block and transaction hashes). */
public final class Hash32 implements Comparable<Hash32> {

  /** Thirty-two zero bytes. */
  public static final Hash32 ZERO = new Hash32(new byte[32]);

  private final byte[] value;

  private Hash32(byte[] value) {
    this.value = value;
  }

  /** A copy of {@code bytes}, which must be 32 bytes long. */
  public static Hash32 of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new ChainException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash32(bytes.clone());
  }

  /** Parses 0x-hex of exactly 32 bytes. */
  public static Hash32 fromHex(String hex) {
    return of(Hex.parse(hex));
  }

  /** A copy of the 32 bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  public byte get(int index) {
    return value[index];
  }

  public String toHex() {
    return Hex.data(value);
  }

  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash32 that && Arrays.equals(value, that.value);
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

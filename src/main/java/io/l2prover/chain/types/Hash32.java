package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import io.l2prover.util.ByteValue;
import io.l2prover.util.Hex;

/** A 32-byte hash (keccak-256 output, trie roots, block and transaction hashes). */
public final class Hash32 extends ByteValue implements Comparable<Hash32> {

  /** Thirty-two zero bytes. */
  public static final Hash32 ZERO = new Hash32(new byte[32]);

  private Hash32(byte[] value) {
    super(value);
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
    return of(Hex.parse(hex, ChainException::new));
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return byteAt(index);
  }

  @Override
  public int compareTo(Hash32 other) {
    return compareBytes(other);
  }
}

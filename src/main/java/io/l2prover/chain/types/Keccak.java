package io.l2prover.chain.types;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak {

  private Keccak() {}

  /** The 32-byte keccak-256 digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    var digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** The keccak-256 digest of {@code data} as a hash value. */
  public static Hash32 hash(byte[] data) {
    return Hash32.of(digest(data));
  }
}

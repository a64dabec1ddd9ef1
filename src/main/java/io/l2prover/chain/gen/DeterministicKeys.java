package io.l2prover.chain.gen;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.types.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Private keys derived from an index: keccak-256 of {@code "l2-prover account <i>"}. Public
 * knowledge by design: generated chains are test data, never real funds.
 */
public final class DeterministicKeys {

  private DeterministicKeys() {}

  /** The private key of account {@code index}. */
  public static BigInteger privateKey(int index) {
    byte[] seed = ("l2-prover account " + index).getBytes(StandardCharsets.US_ASCII);
    BigInteger key = new BigInteger(1, Keccak.digest(seed));
    // A digest at or above n (probability ~2^-128) is folded back into range.
    key = key.mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    return key;
  }
}

package io.l2prover.chain.crypto;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.U256;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 ECDSA as Ethereum uses it: public-key recovery from (hash, r, s, y parity) and
 * deterministic signing (RFC 6979) with low s (EIP-2).
 */
public final class Secp256k1 {

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();

  /** n / 2: EIP-2 requires s at most this. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /**
   * Recovers the signer's address. Checks 1 ≤ r &lt; n, 1 ≤ s &lt; n, and (EIP-2) s ≤ n/2 when
   * {@code requireLowS}; r must be the x coordinate of a curve point.
   */
  public static Address recoverAddress(Hash32 hash, int yParity, U256 r, U256 s, boolean requireLowS) {
    return addressOf(recoverPublicKey(hash, yParity, r, s, requireLowS));
  }

  /** The 64-byte uncompressed public key (x || y) that produced the signature. */
  public static byte[] recoverPublicKey(
      Hash32 hash, int yParity, U256 r, U256 s, boolean requireLowS) {
    BigInteger rv = r.toBigInteger();
    BigInteger sv = s.toBigInteger();
    if (yParity != 0 && yParity != 1) {
      throw new ChainException("invalid signature: y parity " + yParity + " is not 0 or 1");
    }
    if (rv.signum() == 0 || rv.compareTo(N) >= 0) {
      throw new ChainException("invalid signature: r is outside [1, n-1]");
    }
    if (sv.signum() == 0 || sv.compareTo(N) >= 0) {
      throw new ChainException("invalid signature: s is outside [1, n-1]");
    }
    if (requireLowS && sv.compareTo(HALF_N) > 0) {
      throw new ChainException("invalid signature: s is above n/2 (EIP-2)");
    }
    ECPoint bigR;
    try {
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (2 + yParity);
      System.arraycopy(r.toBytes32(), 0, compressed, 1, 32);
      bigR = PARAMS.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      throw new ChainException("invalid signature: r is not the x coordinate of a curve point");
    }
    BigInteger e = new BigInteger(1, hash.toArray());
    BigInteger rInverse = rv.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInverse).mod(N);
    BigInteger u2 = sv.multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(PARAMS.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new ChainException("invalid signature: recovers the point at infinity");
    }
    byte[] encoded = q.getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, 65);
  }

  /** The address of a 64-byte public key: the last 20 bytes of its keccak-256. */
  public static Address addressOf(byte[] publicKey) {
    byte[] digest = Keccak.digest(publicKey);
    return Address.of(Arrays.copyOfRange(digest, 12, 32));
  }

  /** The address of a private key. */
  public static Address addressOf(BigInteger privateKey) {
    return addressOf(publicKey(privateKey));
  }

  /** The 64-byte uncompressed public key of a private key. */
  public static byte[] publicKey(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    byte[] encoded = PARAMS.getG().multiply(privateKey).normalize().getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, 65);
  }

  /** Signs {@code hash} deterministically (RFC 6979), normalised to low s (EIP-2). */
  public static Signature sign(Hash32 hash, BigInteger privateKey) {
    checkPrivateKey(privateKey);
    var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash.toArray());
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    U256 r = U256.of(rs[0]);
    U256 lowS = U256.of(s);
    byte[] expected = publicKey(privateKey);
    for (int parity = 0; parity <= 1; parity++) {
      try {
        if (Arrays.equals(recoverPublicKey(hash, parity, r, lowS, true), expected)) {
          return new Signature(parity, r, lowS);
        }
      } catch (ChainException e) {
        // this parity gives no point; the other one must
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key");
  }

  private static void checkPrivateKey(BigInteger privateKey) {
    if (privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
      throw new IllegalArgumentException("private key outside [1, n-1]");
    }
  }
}

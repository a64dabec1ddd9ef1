package io.l2prover.guest;

import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of the bytes the block guest would read on fd 0 for an input ({@link GuestInputs}), so
 * client and server agree on it however the JSON was formatted.
 */
public final class InputDigest {

  private InputDigest() {}

  public static Bytes of(ProverInput input) {
    try {
      return Bytes.of(MessageDigest.getInstance("SHA-256").digest(GuestInputs.encode(input)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

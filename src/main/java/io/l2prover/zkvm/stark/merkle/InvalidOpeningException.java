package io.l2prover.zkvm.stark.merkle;

/** A Merkle opening that does not prove membership under the expected root; the message says why. */
public final class InvalidOpeningException extends RuntimeException {

  public InvalidOpeningException(String message) {
    super(message, null, false, false);
  }
}

package io.l2prover.zkvm.stark.fri;

/** FRI rejects: the committed word is not close to a polynomial of the claimed degree (or the proof is malformed). */
public final class FriVerificationException extends Exception {

  private static final long serialVersionUID = 1L;

  public FriVerificationException(String message) {
    super(message);
  }
}

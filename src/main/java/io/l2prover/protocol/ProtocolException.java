package io.l2prover.protocol;

/** A peer sent something that is not a valid ProofData message; the message says what and where. */
public final class ProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.l2prover.protocol;

/** A peer sent something that is not a valid ProofData message; the message says what and where. */
public final class ProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean nothingReceived;

  public ProtocolException(String message) {
    this(message, null, false);
  }

  public ProtocolException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private ProtocolException(String message, Throwable cause, boolean nothingReceived) {
    super(message, cause);
    this.nothingReceived = nothingReceived;
  }

  /** The peer closed the connection without sending a byte (a TCP probe, a client that gave up). */
  public static ProtocolException nothingReceived(String message) {
    return new ProtocolException(message, null, true);
  }

  public boolean isNothingReceived() {
    return nothingReceived;
  }
}

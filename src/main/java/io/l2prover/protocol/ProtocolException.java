package io.l2prover.protocol;

import java.util.Optional;

/** A peer sent something that is not a valid ProofData message; the message says what and where. */
public final class ProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean nothingReceived;
  private final Shed shed;

  public ProtocolException(String message) {
    this(message, null, false, null);
  }

  public ProtocolException(String message, Throwable cause) {
    this(message, cause, false, null);
  }

  private ProtocolException(String message, Throwable cause, boolean nothingReceived, Shed shed) {
    super(message, cause);
    this.nothingReceived = nothingReceived;
    this.shed = shed;
  }

  /** The peer closed the connection without sending a byte (a TCP probe, a client that gave up). */
  public static ProtocolException nothingReceived(String message) {
    return new ProtocolException(message, null, true, null);
  }

  /** The server closed the connection to protect itself, for {@code reason}. */
  public static ProtocolException shed(Shed reason, String message) {
    return new ProtocolException(message, null, false, reason);
  }

  public boolean isNothingReceived() {
    return nothingReceived;
  }

  /** Why the server closed the connection on its own, if it did. */
  public Optional<Shed> shed() {
    return Optional.ofNullable(shed);
  }
}

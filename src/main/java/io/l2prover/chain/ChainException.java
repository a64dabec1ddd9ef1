package io.l2prover.chain;

/** Chain data that breaks a rule: malformed encoding, an invalid block, a bad signature. */
public class ChainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChainException(String message) {
    super(message);
  }

  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.l2prover.util;

/** A state file cannot be read or written; the message names the file and what to do. */
public final class StateFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

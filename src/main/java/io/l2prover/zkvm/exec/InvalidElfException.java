package io.l2prover.zkvm.exec;

/** The file is not an ELF the zkVM can run; the message says what is wrong and how to fix it. */
public final class InvalidElfException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidElfException(String message) {
    super(message);
  }
}

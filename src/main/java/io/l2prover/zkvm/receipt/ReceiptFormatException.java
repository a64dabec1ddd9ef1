package io.l2prover.zkvm.receipt;

/** A receipt file that cannot be read; the message says what is wrong. */
public final class ReceiptFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public ReceiptFormatException(String message) {
    super(message);
  }
}

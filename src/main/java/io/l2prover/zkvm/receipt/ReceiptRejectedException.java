package io.l2prover.zkvm.receipt;

/** A receipt failed verification; the message says which check and why. */
public final class ReceiptRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  public ReceiptRejectedException(String message) {
    super(message);
  }
}

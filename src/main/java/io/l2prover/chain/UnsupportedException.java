package io.l2prover.chain;

/**
 * Valid chain data this implementation does not handle yet (contract creation, calls into code,
 * blob transactions); the message always starts with {@code "unsupported: "}.
 */
public final class UnsupportedException extends ChainException {

  private static final long serialVersionUID = 1L;

  public UnsupportedException(String what) {
    super("unsupported: " + what);
  }
}

package io.l2prover.chain.state;

import io.l2prover.chain.ChainException;

/** A block that breaks a consensus rule; the message names the block and the rule. */
public final class InvalidBlockException extends ChainException {

  private static final long serialVersionUID = 1L;

  public InvalidBlockException(long blockNumber, String reason) {
    super("invalid block " + blockNumber + ": " + reason);
  }
}

package io.l2prover.chain.rlp;

import io.l2prover.chain.ChainException;

/** Bytes that are not canonical RLP, or RLP of the wrong shape for what was expected. */
public final class RlpException extends ChainException {

  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }
}

package io.l2prover.chain.trie;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.Hash32;

/** A path crossed a node the store does not have (an incomplete witness or proof). */
public final class MissingNodeException extends ChainException {

  private static final long serialVersionUID = 1L;

  public MissingNodeException(Hash32 hash) {
    super("missing trie node " + hash + " (the witness or proof does not cover this path)");
  }
}

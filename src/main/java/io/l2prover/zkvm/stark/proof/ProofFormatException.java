package io.l2prover.zkvm.stark.proof;

/** The bytes are not a proof in our encoding: truncated, garbage, or of an unknown version. */
public final class ProofFormatException extends InvalidProofException {

  private static final long serialVersionUID = 1L;

  public ProofFormatException(String message) {
    super(message);
  }
}

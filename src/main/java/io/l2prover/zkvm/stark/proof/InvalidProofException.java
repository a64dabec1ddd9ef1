package io.l2prover.zkvm.stark.proof;

/** A proof is rejected: it does not prove the statement, or it is not a well-formed proof at all. */
public class InvalidProofException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidProofException(String message) {
    super(message);
  }
}

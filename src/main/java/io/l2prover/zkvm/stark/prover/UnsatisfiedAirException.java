package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.air.ConstraintFailure;

/** The checked prover refuses a trace that breaks its AIR, naming the first failing row and constraint. */
public final class UnsatisfiedAirException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final transient ConstraintFailure failure;

  public UnsatisfiedAirException(String airName, ConstraintFailure failure) {
    super(airName + ": " + failure.describe());
    this.failure = failure;
  }

  public ConstraintFailure failure() {
    return failure;
  }
}

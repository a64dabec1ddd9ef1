package io.l2prover.zkvm.stark.air;

/** The first place a trace breaks its AIR: a row and the constraint that does not vanish there. */
public record ConstraintFailure(int row, String constraint, String detail) {

  /** A failure of the whole trace (a claimed aux value), not of one row. */
  public static final int NO_ROW = -1;

  public String describe() {
    return row == NO_ROW
        ? "constraint '" + constraint + "' fails: " + detail
        : "constraint '" + constraint + "' fails at row " + row + ": " + detail;
  }
}

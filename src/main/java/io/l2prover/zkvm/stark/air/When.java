package io.l2prover.zkvm.stark.air;

/** The rows on which a constraint must vanish. */
public enum When {
  /** Every row of the trace. */
  EVERY_ROW,
  /** Every row but the last: the constraint may read the next row. */
  TRANSITION,
  /** Only the first row. */
  FIRST_ROW,
  /** Only the last row. */
  LAST_ROW;

  /**
   * The degree the row selector adds: the quotient divides by the vanishing polynomial of the
   * whole trace domain, so a constraint restricted to some rows is multiplied by a selector
   * that vanishes on the other rows, which the degree bound counts as one more degree.
   */
  public int selectorDegree() {
    return this == EVERY_ROW ? 0 : 1;
  }
}

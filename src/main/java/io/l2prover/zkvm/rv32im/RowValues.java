package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.BaseFieldAlgebra;
import io.l2prover.zkvm.stark.air.TracePart;

/**
 * Evaluates interaction expressions (current row only, no challenges) over a concrete trace in
 * the base field: how trace builders count lookups and how the bus checker balances buses.
 */
final class RowValues implements BaseFieldAlgebra {

  private final ChipTrace trace;
  private int row;

  RowValues(ChipTrace trace) {
    this.trace = trace;
  }

  int eval(Expr e, int atRow) {
    this.row = atRow;
    return e.fold(this);
  }

  @Override
  public Integer column(TracePart segment, int index, boolean next) {
    if (next) {
      throw new IllegalArgumentException("interactions read the current row only");
    }
    return switch (segment) {
      case PREPROCESSED -> trace.preprocessed()[index][row];
      case MAIN -> trace.main()[index][row];
      case AUX -> throw new IllegalArgumentException("interactions do not read aux columns");
    };
  }

  @Override
  public Integer publicValue(int index) {
    return trace.publicValues()[index];
  }

  @Override
  public Integer challenge(int index) {
    throw new IllegalArgumentException("interactions do not read challenges");
  }

  @Override
  public Integer auxPublic(int index) {
    throw new IllegalArgumentException("interactions do not read aux publics");
  }
}

package io.l2prover.zkvm.stark.air;

/** Whether an expression reads the next row. */
final class ReadsNext implements ExprAlgebra<Boolean> {

  @Override
  public Boolean constant(int value) {
    return false;
  }

  @Override
  public Boolean column(TracePart part, int index, boolean next) {
    return next;
  }

  @Override
  public Boolean publicValue(int index) {
    return false;
  }

  @Override
  public Boolean challenge(int index) {
    return false;
  }

  @Override
  public Boolean auxPublic(int index) {
    return false;
  }

  @Override
  public Boolean add(Boolean l, Boolean r) {
    return l || r;
  }

  @Override
  public Boolean sub(Boolean l, Boolean r) {
    return l || r;
  }

  @Override
  public Boolean mul(Boolean l, Boolean r) {
    return l || r;
  }

  @Override
  public Boolean neg(Boolean inner) {
    return inner;
  }
}

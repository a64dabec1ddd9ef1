package io.l2prover.zkvm.stark.air;

/** Rebuilds an expression with every column reference moved to the next row. */
final class Shift implements ExprAlgebra<Expr> {

  @Override
  public Expr constant(int value) {
    return new Expr.Const(value);
  }

  @Override
  public Expr column(TracePart part, int index, boolean next) {
    if (next) {
      throw new IllegalArgumentException("cannot shift a next-row reference again");
    }
    return new Expr.Column(part, index, true);
  }

  @Override
  public Expr publicValue(int index) {
    return new Expr.Public(index);
  }

  @Override
  public Expr challenge(int index) {
    return new Expr.Challenge(index);
  }

  @Override
  public Expr auxPublic(int index) {
    return new Expr.AuxPublic(index);
  }

  @Override
  public Expr add(Expr l, Expr r) {
    return new Expr.Add(l, r);
  }

  @Override
  public Expr sub(Expr l, Expr r) {
    return new Expr.Sub(l, r);
  }

  @Override
  public Expr mul(Expr l, Expr r) {
    return new Expr.Mul(l, r);
  }

  @Override
  public Expr neg(Expr inner) {
    return new Expr.Neg(inner);
  }
}

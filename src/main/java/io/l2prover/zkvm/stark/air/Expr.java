package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.BabyBear;

/**
 * A polynomial expression over the current and next row of the trace, public values and
 * challenges: the single definition of a constraint that the prover, the verifier and the
 * debug checker all evaluate, each through its own {@link ExprAlgebra}.
 */
public sealed interface Expr
    permits Expr.Const, Expr.Column, Expr.Public, Expr.Challenge, Expr.AuxPublic, Expr.Add, Expr.Sub,
        Expr.Mul, Expr.Neg {

  /** Evaluates this expression in the given algebra, bottom-up. */
  <T> T fold(ExprAlgebra<T> algebra);

  /** A base-field constant. */
  record Const(int value) implements Expr {
    public Const {
      if (value < 0 || value >= BabyBear.P) {
        throw new IllegalArgumentException("constant not canonical: " + value);
      }
    }

    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.constant(value);
    }
  }

  /** A cell of the current ({@code next == false}) or next row. Aux columns are extension-valued. */
  record Column(TracePart part, int index, boolean next) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.column(part, index, next);
    }
  }

  /** A public value (base field) given to prover and verifier. */
  record Public(int index) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.publicValue(index);
    }
  }

  /** An extension-field challenge drawn after the main trace is committed. */
  record Challenge(int index) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.challenge(index);
    }
  }

  /** An extension value the prover claims after the challenges (a LogUp sum), bound by the transcript. */
  record AuxPublic(int index) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.auxPublic(index);
    }
  }

  record Add(Expr left, Expr right) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.add(left.fold(a), right.fold(a));
    }
  }

  record Sub(Expr left, Expr right) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.sub(left.fold(a), right.fold(a));
    }
  }

  record Mul(Expr left, Expr right) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.mul(left.fold(a), right.fold(a));
    }
  }

  record Neg(Expr inner) implements Expr {
    @Override
    public <T> T fold(ExprAlgebra<T> a) {
      return a.neg(inner.fold(a));
    }
  }

  static Expr constant(long value) {
    return new Const(BabyBear.fromLong(value));
  }

  static Expr main(int index) {
    return new Column(TracePart.MAIN, index, false);
  }

  static Expr mainNext(int index) {
    return new Column(TracePart.MAIN, index, true);
  }

  static Expr preprocessed(int index) {
    return new Column(TracePart.PREPROCESSED, index, false);
  }

  static Expr sum(Iterable<Expr> terms) {
    Expr acc = null;
    for (Expr t : terms) {
      acc = acc == null ? t : acc.plus(t);
    }
    return acc == null ? constant(0) : acc;
  }

  default Expr plus(Expr other) {
    return new Add(this, other);
  }

  default Expr plus(long c) {
    return new Add(this, constant(c));
  }

  default Expr minus(Expr other) {
    return new Sub(this, other);
  }

  default Expr minus(long c) {
    return new Sub(this, constant(c));
  }

  default Expr times(Expr other) {
    return new Mul(this, other);
  }

  default Expr times(long c) {
    return new Mul(this, constant(c));
  }

  default Expr negate() {
    return new Neg(this);
  }

  /** This expression one row down: every current-row reference becomes a next-row reference. */
  default Expr shifted() {
    return fold(new Shift());
  }

  /** The total degree in the trace columns; constants, public values and challenges count 0. */
  default int degree() {
    return fold(new Degree());
  }

  /** Whether the expression reads any next-row cell. */
  default boolean readsNextRow() {
    return fold(new ReadsNext());
  }
}

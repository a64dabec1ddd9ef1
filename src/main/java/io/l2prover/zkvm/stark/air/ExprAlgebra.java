package io.l2prover.zkvm.stark.air;

/**
 * What an {@link Expr} means in some domain: values at a point, values over a domain, degrees,
 * compiled instructions. Each evaluator of constraints is one algebra over the same tree.
 */
public interface ExprAlgebra<T> {

  T constant(int value);

  T column(TracePart part, int index, boolean next);

  T publicValue(int index);

  T challenge(int index);

  T auxPublic(int index);

  T add(T left, T right);

  T sub(T left, T right);

  T mul(T left, T right);

  T neg(T inner);
}

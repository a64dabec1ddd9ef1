package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.BabyBear;

/**
 * Expressions evaluated in the base field, where they read no extension value (interaction
 * values and multiplicities over a concrete row): the arithmetic is fixed, an implementation says
 * only what the leaves read.
 */
public interface BaseFieldAlgebra extends ExprAlgebra<Integer> {

  @Override
  default Integer constant(int value) {
    return value;
  }

  @Override
  default Integer add(Integer left, Integer right) {
    return BabyBear.add(left, right);
  }

  @Override
  default Integer sub(Integer left, Integer right) {
    return BabyBear.sub(left, right);
  }

  @Override
  default Integer mul(Integer left, Integer right) {
    return BabyBear.mul(left, right);
  }

  @Override
  default Integer neg(Integer inner) {
    return BabyBear.neg(inner);
  }
}

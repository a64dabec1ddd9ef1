package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.Ext4;

/**
 * An {@link ExprAlgebra} whose values are extension-field elements: the constants and arithmetic
 * every such evaluator shares, leaving it only to say where leaves (columns, publics, challenges)
 * come from.
 */
public interface Ext4Algebra extends ExprAlgebra<Ext4> {

  @Override
  default Ext4 constant(int value) {
    return Ext4.of(value);
  }

  @Override
  default Ext4 add(Ext4 l, Ext4 r) {
    return l.add(r);
  }

  @Override
  default Ext4 sub(Ext4 l, Ext4 r) {
    return l.sub(r);
  }

  @Override
  default Ext4 mul(Ext4 l, Ext4 r) {
    return l.mul(r);
  }

  @Override
  default Ext4 neg(Ext4 inner) {
    return inner.neg();
  }
}

package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.BabyBear;

/**
 * An upper bound on |m| for a LogUp multiplicity expression on one row. Constants count their
 * centred absolute value; a trace column counts 1: the AIR must constrain a lookup-side
 * multiplicity column to a flag ({0, 1} or {0, -1}); a table-side (provider) column needs no
 * bound for soundness and is counted 1 so that the total stays a function of heights and
 * interaction counts. Public values and challenges cannot be bounded and count as p.
 */
final class MultiplicityBound implements ExprAlgebra<Long> {

  static final long UNBOUNDED = BabyBear.P;

  @Override
  public Long constant(int value) {
    return (long) Math.min(value, BabyBear.P - value);
  }

  @Override
  public Long column(TracePart part, int index, boolean next) {
    return 1L;
  }

  @Override
  public Long publicValue(int index) {
    return UNBOUNDED;
  }

  @Override
  public Long challenge(int index) {
    return UNBOUNDED;
  }

  @Override
  public Long auxPublic(int index) {
    return UNBOUNDED;
  }

  @Override
  public Long add(Long l, Long r) {
    return Math.min(UNBOUNDED, l + r);
  }

  @Override
  public Long sub(Long l, Long r) {
    return Math.min(UNBOUNDED, l + r);
  }

  @Override
  public Long mul(Long l, Long r) {
    return l == 0 || r == 0 ? 0 : Math.min(UNBOUNDED, Math.multiplyHigh(l, r) != 0 ? UNBOUNDED : l * r);
  }

  @Override
  public Long neg(Long inner) {
    return inner;
  }
}

package io.l2prover.zkvm.stark.air;

/** Total degree in the trace cells. */
final class Degree implements ExprAlgebra<Integer> {

  @Override
  public Integer constant(int value) {
    return 0;
  }

  @Override
  public Integer column(TracePart part, int index, boolean next) {
    return 1;
  }

  @Override
  public Integer publicValue(int index) {
    return 0;
  }

  @Override
  public Integer challenge(int index) {
    return 0;
  }

  @Override
  public Integer auxPublic(int index) {
    return 0;
  }

  @Override
  public Integer add(Integer l, Integer r) {
    return Math.max(l, r);
  }

  @Override
  public Integer sub(Integer l, Integer r) {
    return Math.max(l, r);
  }

  @Override
  public Integer mul(Integer l, Integer r) {
    return l + r;
  }

  @Override
  public Integer neg(Integer inner) {
    return inner;
  }
}

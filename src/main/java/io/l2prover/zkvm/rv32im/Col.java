package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;

/** One named column of a chip's main trace. */
public record Col(String name, int index) {

  /** This column on the current row. */
  public Expr cur() {
    return Expr.main(index);
  }

  /** This column on the next row (transition constraints only). */
  public Expr next() {
    return Expr.mainNext(index);
  }
}

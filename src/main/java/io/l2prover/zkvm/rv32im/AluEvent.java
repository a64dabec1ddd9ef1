package io.l2prover.zkvm.rv32im;

/** One word operation some chip asks of the ALU chips: its result is {@link AluOp#apply}. */
public record AluEvent(AluOp op, int a, int b) {

  public int result() {
    return op.apply(a, b);
  }
}

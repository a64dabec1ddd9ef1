package io.l2prover.zkvm.stark.examples;

/** A generated main trace (column-major) and the public values it proves. */
public record ExampleTrace(int[][] main, int[] publicValues) {

  public int rows() {
    return main[0].length;
  }
}

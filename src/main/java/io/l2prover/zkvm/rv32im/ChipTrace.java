package io.l2prover.zkvm.rv32im;

/**
 * A chip with its traces and public values: one table of a segment's proof.
 *
 * @param preprocessed column-major, empty when the chip has none
 * @param main column-major
 */
public record ChipTrace(Chip chip, int[][] preprocessed, int[][] main, int[] publicValues) {

  /** The number of rows (a power of two). */
  public int rows() {
    return main.length > 0 ? main[0].length : preprocessed[0].length;
  }
}

package io.l2prover.zkvm.rv32im;

/**
 * A chip with its traces and public values: one table of a segment's proof.
 *
 * @param preprocessed column-major, empty when the chip has none
 * @param main column-major
 */
public record ChipTrace(Chip chip, int[][] preprocessed, int[][] main, int[] publicValues) {

  /** The number of rows (a power of two), 0 for a table absent from its proof. */
  public int rows() {
    return main.length > 0 ? main[0].length : preprocessed[0].length;
  }

  /** A table left out of its proof (only for a chip that {@link Chip#mayBeAbsent may be}): no rows. */
  public static ChipTrace absent(Chip chip) {
    if (!chip.mayBeAbsent()) {
      throw new IllegalArgumentException("table " + chip.name() + " is in every proof");
    }
    return new ChipTrace(chip, new int[0][], new int[chip.mainWidth()][0], new int[chip.publicValueCount()]);
  }

  public boolean present() {
    return rows() > 0;
  }
}

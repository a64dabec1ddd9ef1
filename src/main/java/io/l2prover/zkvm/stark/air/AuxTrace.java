package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.Ext4;

/**
 * The challenge-dependent trace: extension column {@code c} is stored as the four base columns
 * {@code 4c .. 4c+3} (its coordinates), so it commits and extends like any base trace.
 *
 * @param columns column-major coordinate columns, {@code 4 * width} of them
 * @param auxPublics the values the prover claims alongside (LogUp sums)
 */
public record AuxTrace(int[][] columns, Ext4[] auxPublics) {

  /** The extension value of column {@code c} at {@code row}. */
  public Ext4 value(int c, int row) {
    return new Ext4(columns[4 * c][row], columns[4 * c + 1][row], columns[4 * c + 2][row], columns[4 * c + 3][row]);
  }
}

package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.Ext4;
import java.util.List;

/**
 * The column order of one height's DEEP combination, shared by prover and verifier: for tables
 * t = 0..T−1 of that height, the matrices pre_t, main_t, aux_t in turn, then quotient_0 ..
 * quotient_{T−1}; so the columns also opened at ζω (preprocessed, main, aux) form a prefix.
 */
public final class DeepLayout {

  /** Matrices per table in commitment order: preprocessed, main, aux, quotient. */
  public static final int MATRICES = 4;

  private final int tables;
  private final int[] widths;
  private final int[] nextOffset;
  private final int[] quotientOffset;
  private final int nextColumns;
  private final int columns;

  private DeepLayout(List<int[]> tableWidths) {
    this.tables = tableWidths.size();
    this.widths = new int[MATRICES * tables];
    this.nextOffset = new int[tables];
    this.quotientOffset = new int[tables];
    int at = 0;
    for (int t = 0; t < tables; t++) {
      nextOffset[t] = at;
      for (int m = 0; m < MATRICES - 1; m++) {
        widths[matrixIndex(t, m)] = tableWidths.get(t)[m];
        at += tableWidths.get(t)[m];
      }
    }
    this.nextColumns = at;
    for (int t = 0; t < tables; t++) {
      quotientOffset[t] = at;
      widths[matrixIndex(t, MATRICES - 1)] = tableWidths.get(t)[MATRICES - 1];
      at += tableWidths.get(t)[MATRICES - 1];
    }
    this.columns = at;
  }

  /** The layout for tables whose widths are given as {pre, main, aux coordinates, quotient coordinates}. */
  public static DeepLayout of(List<int[]> tableWidths) {
    return new DeepLayout(tableWidths);
  }

  /** Where matrix {@code m} (0 pre, 1 main, 2 aux, 3 quotient) of table {@code t} goes. */
  public int matrixIndex(int t, int m) {
    return m < MATRICES - 1 ? (MATRICES - 1) * t + m : (MATRICES - 1) * tables + t;
  }

  public int matrices() {
    return MATRICES * tables;
  }

  public int[] widths() {
    return widths.clone();
  }

  public int columns() {
    return columns;
  }

  public int nextColumns() {
    return nextColumns;
  }

  /**
   * Places table {@code t}'s values at ζ (pre, main, aux, quotient columns) and at ζω (pre, main,
   * aux) into the combined arrays.
   */
  public void scatter(int t, Ext4[] tableAtZeta, Ext4[] atZeta, Ext4[] tableAtZetaNext, Ext4[] atZetaNext) {
    int next = tableAtZetaNext.length;
    System.arraycopy(tableAtZeta, 0, atZeta, nextOffset[t], next);
    System.arraycopy(tableAtZeta, next, atZeta, quotientOffset[t], tableAtZeta.length - next);
    System.arraycopy(tableAtZetaNext, 0, atZetaNext, nextOffset[t], next);
  }
}

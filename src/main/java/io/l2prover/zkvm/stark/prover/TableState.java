package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.Ext4;

/** One table's prover data through the phases of a multi-table proof (package-private, mutable, one proof only). */
final class TableState {

  final TableWitness witness;
  int[] mainEvals;
  int[] mainLde;
  int[][] auxColumns = new int[0][];
  int[] auxEvals = new int[0];
  int[] auxLde = new int[0];
  Ext4[] claimedSums = new Ext4[0];
  int[] quotientEvals;
  int[] quotientLde;
  Ext4[] atZeta;
  Ext4[] atZetaNext;
  /** Time spent on this table alone (main and aux commitments, quotient), for the prover's report. */
  long nanos;

  TableState(TableWitness witness) {
    this.witness = witness;
  }

  boolean present() {
    return witness.present();
  }

  ProvingKey key() {
    return witness.key();
  }

  int logRows() {
    return present() ? key().logRows() : 0;
  }

  /** The trace values on H in commitment order: preprocessed, main, aux, quotient (the LDEs extend them). */
  int[][] evals() {
    return new int[][] {key().preprocessedEvals(), mainEvals, auxEvals, quotientEvals};
  }

  int[] widths() {
    var air = key().air();
    return new int[] {air.preprocessedWidth(), air.mainWidth(), 4 * air.auxWidth(), 4 * air.quotientChunks()};
  }
}

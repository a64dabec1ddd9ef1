package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Air;

/** The prover's checks that a main trace and its public values have the shape the AIR and key declare. */
final class TraceShape {

  private TraceShape() {}

  static void check(Air air, int[][] main, int rows, int[] publicValues) {
    if (main == null || main.length != air.mainWidth()) {
      throw new IllegalArgumentException(air.name() + ": main trace has " + (main == null ? 0 : main.length)
          + " columns, AIR declares " + air.mainWidth());
    }
    for (int[] column : main) {
      if (column.length != rows) {
        throw new IllegalArgumentException(air.name() + ": main column of " + column.length + " rows, key is for " + rows);
      }
      for (int v : column) {
        if (v < 0 || v >= BabyBear.P) {
          throw new IllegalArgumentException(air.name() + ": trace value " + Integer.toUnsignedString(v) + " not canonical");
        }
      }
    }
    if (publicValues.length != air.publicValueCount()) {
      throw new IllegalArgumentException(air.name() + ": " + publicValues.length + " public values, AIR declares "
          + air.publicValueCount());
    }
  }
}

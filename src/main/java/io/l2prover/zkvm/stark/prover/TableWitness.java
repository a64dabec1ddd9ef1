package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.air.Air;
import java.util.Objects;

/**
 * One table of a multi-table proof as the prover has it: the proving key (AIR and height), the
 * main trace (column-major) and the public values; or an absent table (height 0 in this
 * proof), which costs nothing and contributes nothing to the LogUp balance.
 */
public record TableWitness(Air air, ProvingKey key, int[][] main, int[] publicValues) {

  public TableWitness {
    Objects.requireNonNull(air, "air");
    publicValues = publicValues.clone();
    if (key != null && key.air() != air) {
      throw new IllegalArgumentException("proving key is for " + key.air().name() + ", not " + air.name());
    }
  }

  public static TableWitness of(ProvingKey key, int[][] main, int[] publicValues) {
    return new TableWitness(key.air(), key, main, publicValues);
  }

  /** A table left out of this proof; its public values are zeros. */
  public static TableWitness absent(Air air) {
    return new TableWitness(air, null, null, new int[air.publicValueCount()]);
  }

  public boolean present() {
    return key != null;
  }

  @Override
  public int[] publicValues() {
    return publicValues.clone();
  }
}

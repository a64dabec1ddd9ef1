package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintDigest;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.Objects;

/**
 * What a verifier knows about one table (chip) of a multi-table proof: the AIR, the digest of
 * its constraint set, and for a table with preprocessed columns its fixed height and the
 * commitment to them (a byte or range table, or the per-program table). A table without
 * preprocessed columns may have any height from one proof to the next ({@code logRows} 0).
 */
public record TableKey(Air air, Digest constraintDigest, int logRows, Digest preprocessedRoot) {

  public TableKey {
    Objects.requireNonNull(air, "air");
    Objects.requireNonNull(constraintDigest, "constraintDigest");
    if ((preprocessedRoot != null) != (air.preprocessedWidth() > 0)) {
      throw new IllegalArgumentException(air.name() + ": a preprocessed root is needed exactly when the AIR has "
          + "preprocessed columns");
    }
    if ((logRows == 0) != (preprocessedRoot == null)) {
      throw new IllegalArgumentException(air.name() + ": a table with preprocessed columns has a fixed height, "
          + "one without has none");
    }
  }

  /** The key of a table without preprocessed columns, at any height. */
  public static TableKey of(Air air) {
    return new TableKey(air, ConstraintDigest.of(air), 0, null);
  }

  public String name() {
    return air.name();
  }
}

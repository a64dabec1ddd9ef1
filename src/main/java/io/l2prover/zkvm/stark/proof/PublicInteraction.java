package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.LogUp;
import io.l2prover.zkvm.stark.air.Scope;
import java.util.Objects;

/**
 * A LogUp term the verifier computes itself from public data (a segment's start and end pc,
 * boundary registers, the journal, the program image): it adds m / (z − fp(values)) to the
 * balance of {@code scope}, with fp the fingerprint tables use ({@link LogUp#fingerprint}).
 *
 * @param multiplicity signed, |m| below 2^30
 */
public record PublicInteraction(int bus, Scope scope, long multiplicity, int[] values) {

  public PublicInteraction {
    Objects.requireNonNull(scope, "scope");
    values = values.clone();
    if (bus < 0 || bus >= 1 << 16) {
      throw new IllegalArgumentException("public interaction bus " + bus + " outside 0..65535");
    }
    if (Math.abs(multiplicity) >= 1L << 30) {
      throw new IllegalArgumentException("public interaction multiplicity " + multiplicity + " outside ±2^30");
    }
    if (values.length == 0 || values.length > LogUp.MAX_TUPLE) {
      throw new IllegalArgumentException("public interaction has " + values.length + " values, needs 1.." + LogUp.MAX_TUPLE);
    }
    for (int v : values) {
      if (v < 0 || v >= BabyBear.P) {
        throw new IllegalArgumentException("public interaction value " + Integer.toUnsignedString(v) + " not canonical");
      }
    }
  }

  @Override
  public int[] values() {
    return values.clone();
  }

  /** The multiplicity as a field element. */
  public int fieldMultiplicity() {
    return BabyBear.fromLong(multiplicity);
  }

  /** m / (z − fp(values)) under the given challenges. */
  public Ext4 term(LookupChallenges challenges) {
    Ext4 d = challenges.z().sub(LogUp.fingerprint(bus, values, challenges.beta()));
    return d.inv().mul(fieldMultiplicity());
  }
}

package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.verifier.ConstraintsAtZeta;

/** What a cheating prover claims at ζ so that the verifier's quotient check there passes. */
public final class QuotientForgery {

  private QuotientForgery() {}

  /**
   * Changes the first quotient chunk's value in {@code values} (one table's openings at ζ, in
   * the verifier's order) so that the quotient at ζ equals the constraints' combination at ζ over
   * Z_H(ζ), whatever the other values are; returns {@code values}.
   */
  public static Ext4[] satisfyAtZeta(Air air, int logRows, Ext4[] values, Ext4[] atZetaNext, Ext4 zeta, Ext4 alpha,
      Ext4[] challenges, Ext4[] claimedSums, int[] publicValues) {
    Ext4 combined = ConstraintsAtZeta.constraintsAt(air, logRows, zeta, alpha, values, atZetaNext, publicValues,
        challenges, claimedSums);
    Ext4 wanted = combined.mul(zeta.pow(1 << logRows).sub(1).inv());
    int chunk0 = air.preprocessedWidth() + air.mainWidth() + 4 * air.auxWidth();
    values[chunk0] = values[chunk0].add(wanted.sub(ConstraintsAtZeta.quotientAt(air, logRows, zeta, values)));
    return values;
  }
}

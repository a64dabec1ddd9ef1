package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.PointValues;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.TableProof;
import java.util.Arrays;

/** The out-of-domain check of one table: its constraints at ζ against its quotient chunks. */
public final class ConstraintsAtZeta {

  private ConstraintsAtZeta() {}

  /** Σ α^i sel_i(ζ) C_i(ζ) must equal Z_H(ζ) · Σ_c ζ^(c n) Q_c(ζ). */
  static void check(Air air, TableProof part, Ext4 zeta, Ext4 alpha, Ext4[] challenges) throws InvalidProofException {
    Ext4 combined = constraintsAt(air, part.logRows(), zeta, alpha, part.valuesAtZeta(), part.valuesAtZetaNext(),
        part.publicValues(), challenges, part.claimedSums());
    Ext4 vanishing = zeta.pow(1 << part.logRows()).sub(1);
    if (!combined.equals(quotientAt(air, part.logRows(), zeta, part.valuesAtZeta()).mul(vanishing))) {
      throw new InvalidProofException(air.name() + ": constraints at the out-of-domain point do not match the quotient");
    }
  }

  /** Σ α^i sel_i(ζ) C_i(ζ) from the claimed column values (the table's layout: pre, main, aux coordinates, quotient). */
  public static Ext4 constraintsAt(Air air, int logRows, Ext4 zeta, Ext4 alpha, Ext4[] atZeta, Ext4[] atZetaNext,
      int[] publicValues, Ext4[] challenges, Ext4[] auxPublics) {
    int pre = air.preprocessedWidth();
    int main = air.mainWidth();
    int aux = air.auxWidth();
    PointValues values = new PointValues(
        Arrays.copyOfRange(atZeta, 0, pre), Arrays.copyOfRange(atZetaNext, 0, pre),
        Arrays.copyOfRange(atZeta, pre, pre + main), Arrays.copyOfRange(atZetaNext, pre, pre + main),
        recombine(atZeta, pre + main, aux), recombine(atZetaNext, pre + main, aux),
        publicValues, challenges, auxPublics);
    int n = 1 << logRows;
    Ext4 vanishing = zeta.pow(n).sub(1);
    Ext4 omegaInv = Ext4.of(BabyBear.inv(BabyBear.twoAdicGenerator(logRows)));
    Ext4 transition = zeta.sub(omegaInv);
    Ext4 first = vanishing.mul(zeta.sub(1).inv());
    Ext4 last = vanishing.mul(transition.inv());
    Ext4 combined = Ext4.ZERO;
    Ext4 alphaPower = Ext4.ONE;
    for (Constraint c : air.allConstraints()) {
      Ext4 v = c.expr().fold(values);
      Ext4 selected = switch (c.when()) {
        case EVERY_ROW -> v;
        case TRANSITION -> v.mul(transition);
        case FIRST_ROW -> v.mul(first);
        case LAST_ROW -> v.mul(last);
      };
      combined = combined.add(selected.mul(alphaPower));
      alphaPower = alphaPower.mul(alpha);
    }
    return combined;
  }

  /** Σ_c ζ^(c n) Q_c(ζ) from the claimed quotient-coordinate values. */
  public static Ext4 quotientAt(Air air, int logRows, Ext4 zeta, Ext4[] atZeta) {
    int from = air.preprocessedWidth() + air.mainWidth() + 4 * air.auxWidth();
    Ext4[] chunks = recombine(atZeta, from, air.quotientChunks());
    Ext4 quotient = Ext4.ZERO;
    Ext4 zetaPowN = zeta.pow(1 << logRows);
    Ext4 power = Ext4.ONE;
    for (Ext4 chunk : chunks) {
      quotient = quotient.add(chunk.mul(power));
      power = power.mul(zetaPowN);
    }
    return quotient;
  }

  /** Extension values from their coordinate columns' openings: v = Σ_k c_k X^k. */
  static Ext4[] recombine(Ext4[] values, int from, int count) {
    Ext4[] out = new Ext4[count];
    Ext4 x = new Ext4(0, 1, 0, 0);
    for (int c = 0; c < count; c++) {
      Ext4 v = Ext4.ZERO;
      for (int k = 3; k >= 0; k--) {
        v = v.mul(x).add(values[from + 4 * c + k]);
      }
      out[c] = v;
    }
    return out;
  }
}

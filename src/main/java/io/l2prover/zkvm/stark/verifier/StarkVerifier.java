package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.PointValues;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.fri.FriVerificationException;
import io.l2prover.zkvm.stark.fri.FriVerifier;
import io.l2prover.zkvm.stark.merkle.InvalidOpeningException;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleVerifier;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.proof.VerifyingKey;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies a {@link StarkProof} against the AIR and verifying key the caller expects and the
 * public values the caller expects: replays the transcript, checks the claimed aux values (LogUp
 * balance), checks the constraints at ζ against the quotient chunks, checks every Merkle opening,
 * recomputes the DEEP combination at every query and runs the FRI verifier on it. Any failure is
 * an {@link InvalidProofException} saying which check failed.
 */
public final class StarkVerifier {

  private final FriParameters params;
  private final MerkleVerifier merkle = new MerkleVerifier();

  public StarkVerifier(FriParameters params) {
    this.params = params;
  }

  public void verify(Air air, VerifyingKey key, StarkProof proof, int[] publicValues) throws InvalidProofException {
    checkStatement(air, key, proof, publicValues);
    int logRows = key.logRows();
    int preWidth = air.preprocessedWidth();
    int mainWidth = air.mainWidth();
    int auxWidth = 4 * air.auxWidth();
    int chunks = air.quotientChunks();
    int quotientWidth = 4 * chunks;
    int nextColumns = preWidth + mainWidth + auxWidth;
    int allColumns = nextColumns + quotientWidth;
    boolean hasAux = air.auxPhase().isPresent();
    Ext4[] atZeta = proof.valuesAtZeta();
    Ext4[] atZetaNext = proof.valuesAtZetaNext();
    Ext4[] auxPublics = proof.auxPublics();
    if (atZeta.length != allColumns || atZetaNext.length != nextColumns) {
      throw new InvalidProofException("proof opens " + atZeta.length + " + " + atZetaNext.length
          + " values at ζ and ζω, the AIR needs " + allColumns + " + " + nextColumns);
    }
    if ((proof.auxRoot() != null) != hasAux || auxPublics.length != air.auxPublicCount()) {
      throw new InvalidProofException("proof's aux commitment or aux values do not match the AIR's aux phase");
    }

    Transcript t = Protocol.start(air.name(), logRows, params, key.preprocessedRoot(), publicValues);
    t.observe(proof.mainRoot());
    Ext4[] challenges = new Ext4[air.challengeCount()];
    for (int i = 0; i < challenges.length; i++) {
      challenges[i] = t.sampleExt();
    }
    if (hasAux) {
      t.observe(proof.auxRoot());
      for (Ext4 v : auxPublics) {
        t.observe(v);
      }
      var reason = air.auxPhase().get().checkAuxPublics(auxPublics);
      if (reason.isPresent()) {
        throw new InvalidProofException(reason.get());
      }
    }
    Ext4 alpha = t.sampleExt();
    t.observe(proof.quotientRoot());
    Ext4 zeta = t.sampleExt();
    if (zeta.a1() == 0 && zeta.a2() == 0 && zeta.a3() == 0) {
      throw new InvalidProofException("out-of-domain point fell in the base field");
    }
    Ext4 zetaNext = zeta.mul(BabyBear.twoAdicGenerator(logRows));
    for (Ext4 v : atZeta) {
      t.observe(v);
    }
    for (Ext4 v : atZetaNext) {
      t.observe(v);
    }
    checkConstraintsAtZeta(air, logRows, zeta, alpha, atZeta, atZetaNext, publicValues, challenges, auxPublics);
    Ext4 gamma = t.sampleExt();

    FriShape shape = new FriShape(logRows, params.logBlowup(), params.logFinalDegree(), Protocol.SHIFT);
    FriVerifier fri = new FriVerifier(params);
    try {
      FriVerifier.Challenges friChallenges = fri.replay(t, proof.fri(), shape);
      Ext4[][] pairs = deepAtQueries(air, key, proof, shape, friChallenges.positions(), gamma, zeta, zetaNext,
          atZeta, atZetaNext);
      fri.verifyQueries(proof.fri(), shape, friChallenges, pairs);
    } catch (FriVerificationException e) {
      throw new InvalidProofException(e.getMessage());
    }
  }

  private void checkStatement(Air air, VerifyingKey key, StarkProof proof, int[] publicValues)
      throws InvalidProofException {
    if (!air.name().equals(key.airName()) || !proof.airName().equals(key.airName())) {
      throw new InvalidProofException("proof is for AIR '" + proof.airName() + "', expected '" + key.airName() + "'");
    }
    if (proof.logRows() != key.logRows()) {
      throw new InvalidProofException("proof is for 2^" + proof.logRows() + " rows, expected 2^" + key.logRows());
    }
    if (!proof.params().equals(params)) {
      throw new InvalidProofException("proof uses FRI parameters (" + proof.params() + "), this verifier requires ("
          + params + ")");
    }
    if (!Arrays.equals(proof.publicValues(), publicValues)) {
      throw new InvalidProofException("proof is for other public values than the expected ones");
    }
    if (publicValues.length != air.publicValueCount()) {
      throw new InvalidProofException(publicValues.length + " public values, AIR declares " + air.publicValueCount());
    }
    if ((key.preprocessedRoot() != null) != (air.preprocessedWidth() > 0)) {
      throw new InvalidProofException("verifying key does not match the AIR's preprocessed columns");
    }
  }

  /** Σ α^i sel_i(ζ) C_i(ζ) must equal Z_H(ζ) · Σ_c ζ^(c n) Q_c(ζ). */
  private static void checkConstraintsAtZeta(Air air, int logRows, Ext4 zeta, Ext4 alpha, Ext4[] atZeta,
      Ext4[] atZetaNext, int[] publicValues, Ext4[] challenges, Ext4[] auxPublics) throws InvalidProofException {
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
    Ext4[] chunks = recombine(atZeta, pre + main + 4 * aux, air.quotientChunks());
    Ext4 quotient = Ext4.ZERO;
    Ext4 zetaPowN = zeta.pow(n);
    Ext4 power = Ext4.ONE;
    for (Ext4 chunk : chunks) {
      quotient = quotient.add(chunk.mul(power));
      power = power.mul(zetaPowN);
    }
    if (!combined.equals(quotient.mul(vanishing))) {
      throw new InvalidProofException("constraints at the out-of-domain point do not match the quotient");
    }
  }

  /** Extension values from their coordinate columns' openings: v = Σ_k c_k X^k. */
  private static Ext4[] recombine(Ext4[] values, int from, int count) {
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

  /** Checks every trace opening and computes the DEEP combination at each query position and its sibling. */
  private Ext4[][] deepAtQueries(Air air, VerifyingKey key, StarkProof proof, FriShape shape, int[] positions,
      Ext4 gamma, Ext4 zeta, Ext4 zetaNext, Ext4[] atZeta, Ext4[] atZetaNext) throws InvalidProofException {
    List<Digest> roots = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    if (key.preprocessedRoot() != null) {
      roots.add(key.preprocessedRoot());
      widths.add(air.preprocessedWidth());
    }
    roots.add(proof.mainRoot());
    widths.add(air.mainWidth());
    if (proof.auxRoot() != null) {
      roots.add(proof.auxRoot());
      widths.add(4 * air.auxWidth());
    }
    roots.add(proof.quotientRoot());
    widths.add(4 * air.quotientChunks());
    if (proof.traceOpenings().size() != roots.size()) {
      throw new InvalidProofException("proof has " + proof.traceOpenings().size() + " trace openings, expected "
          + roots.size());
    }
    int[] expectedRows = Protocol.queriedRows(positions);
    List<List<int[]>> opened = new ArrayList<>();
    for (int m = 0; m < roots.size(); m++) {
      MerkleBatchOpening opening = proof.traceOpenings().get(m);
      if (!Arrays.equals(opening.indices(), expectedRows)) {
        throw new InvalidProofException("trace opening " + m + " opens rows other than the queried ones");
      }
      try {
        merkle.verifyBatch(roots.get(m), new int[] {widths.get(m)}, shape.logSize(), opening);
      } catch (InvalidOpeningException e) {
        throw new InvalidProofException("trace opening " + m + ": " + e.getMessage());
      }
      opened.add(opening.rows().stream().map(r -> r.get(0)).toList());
    }
    int total = atZeta.length;
    int nextColumns = atZetaNext.length;
    Ext4[] gammaPowers = new Ext4[total + 1];
    gammaPowers[0] = Ext4.ONE;
    for (int k = 1; k <= total; k++) {
      gammaPowers[k] = gammaPowers[k - 1].mul(gamma);
    }
    Ext4 sumAtZeta = Ext4.ZERO;
    Ext4 sumAtZetaNext = Ext4.ZERO;
    for (int k = 0; k < total; k++) {
      sumAtZeta = sumAtZeta.add(gammaPowers[k].mul(atZeta[k]));
      if (k < nextColumns) {
        sumAtZetaNext = sumAtZetaNext.add(gammaPowers[k].mul(atZetaNext[k]));
      }
    }
    Ext4[][] pairs = new Ext4[positions.length][2];
    for (int q = 0; q < positions.length; q++) {
      for (int side = 0; side < 2; side++) {
        int row = (positions[q] & ~1) | side;
        int at = Arrays.binarySearch(expectedRows, row);
        Ext4 all = Ext4.ZERO;
        Ext4 prefix = null;
        int k = 0;
        for (List<int[]> matrix : opened) {
          for (int v : matrix.get(at)) {
            if (k == nextColumns) {
              prefix = all;
            }
            all = all.add(gammaPowers[k].mul(v));
            k++;
          }
        }
        if (prefix == null) {
          prefix = all;
        }
        Ext4 x = Ext4.of(shape.point(0, row));
        Ext4 f = all.sub(sumAtZeta).mul(x.sub(zeta).inv())
            .add(gammaPowers[total].mul(prefix.sub(sumAtZetaNext)).mul(x.sub(zetaNext).inv()));
        pairs[q][side] = f;
      }
    }
    return pairs;
  }
}

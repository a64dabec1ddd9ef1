package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.LogUp;
import io.l2prover.zkvm.stark.air.Scope;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.fri.FriVerificationException;
import io.l2prover.zkvm.stark.fri.FriVerifier;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.PublicInteraction;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies a {@link MultiTableProof} against the tables (keys) and public values the caller
 * expects: replays the transcript, checks the LogUp balance (the claimed sums of every table
 * plus the verifier's own public terms), each table's constraints at ζ against its quotient,
 * every Merkle opening, and the batched FRI on the DEEP combinations. Any failure is an
 * {@link InvalidProofException} naming the check.
 */
public final class MultiTableVerifier {

  /** Tallest table a proof may claim (an LDE of 2^26 rows at blowup 4). */
  public static final int MAX_LOG_ROWS = 24;

  private final FriParameters params;

  public MultiTableVerifier(FriParameters params) {
    this.params = params;
  }

  /**
   * One-shot: the LogUp challenges come from the proof's own transcript after the main roots, and
   * both scopes must balance in this proof.
   */
  public void verify(List<TableKey> tables, MultiTableProof proof, List<int[]> publicValues,
      List<PublicInteraction> publicInteractions) throws InvalidProofException {
    checkStatement(tables, proof, publicValues, publicInteractions);
    Transcript t = afterMain(tables, proof);
    Protocol.observe(t, publicInteractions);
    LookupChallenges challenges = LookupChallenges.replay(t, params, proof.lookupWitness());
    Ext4 global = verifyRest(t, tables, proof, challenges, publicInteractions);
    if (!global.isZero()) {
      throw new InvalidProofException("global LogUp sums do not balance within this proof: they differ by " + global);
    }
  }

  /**
   * Two-phase: the caller drew {@code challenges} after observing every segment's main
   * commitment ({@link #mainDigest}); the LOCAL scope must balance here, and the GLOBAL claimed
   * sum (tables plus GLOBAL public terms) is returned for the caller to add up across segments,
   * together with {@link #multiplicityBound} for the GLOBAL scope.
   */
  public Ext4 verify(List<TableKey> tables, MultiTableProof proof, List<int[]> publicValues,
      LookupChallenges challenges, List<PublicInteraction> publicInteractions) throws InvalidProofException {
    checkStatement(tables, proof, publicValues, publicInteractions);
    if (proof.lookupWitness() != challenges.powWitness()) {
      throw new InvalidProofException("proof was finished with other LogUp challenges than the given ones");
    }
    return verifyRest(afterMain(tables, proof), tables, proof, challenges, publicInteractions);
  }

  /** The digest of the statement and main roots, as the prover's {@code MainCommitment.digest()} gives it. */
  public Digest mainDigest(List<TableKey> tables, MultiTableProof proof, List<int[]> publicValues)
      throws InvalidProofException {
    checkStatement(tables, proof, publicValues, List.of());
    return Protocol.digest(afterMain(tables, proof));
  }

  /**
   * The largest total |multiplicity| the tables of {@code proof} and the public terms can put
   * into {@code scope}: Σ_tables rows × (per-row bound of its interactions in that scope) + Σ |m|
   * of the public terms. LogUp is sound only while this stays below p (docs/stark-protocol.md).
   */
  public static long multiplicityBound(List<TableKey> tables, MultiTableProof proof,
      List<PublicInteraction> publicInteractions, Scope scope) {
    long total = 0;
    for (int i = 0; i < tables.size() && i < proof.tables().size(); i++) {
      int logRows = proof.tables().get(i).logRows();
      var phase = tables.get(i).air().auxPhase();
      if (logRows > 0 && logRows <= MAX_LOG_ROWS && phase.isPresent()) {
        total = Math.min(BabyBear.P, total + (phase.get().rowMultiplicityBound(scope) << logRows));
      }
    }
    for (PublicInteraction pi : publicInteractions) {
      if (pi.scope() == scope) {
        total = Math.min(BabyBear.P, total + Math.abs(pi.multiplicity()));
      }
    }
    return total;
  }

  private Transcript afterMain(List<TableKey> tables, MultiTableProof proof) {
    List<Protocol.TableStatement> statement = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      TableKey key = tables.get(i);
      TableProof tp = proof.tables().get(i);
      statement.add(new Protocol.TableStatement(key.name(), key.constraintDigest(), tp.logRows(),
          key.preprocessedRoot(), tp.publicValues()));
    }
    return Protocol.afterMain(params, statement, proof.main().root());
  }

  private void checkStatement(List<TableKey> tables, MultiTableProof proof, List<int[]> publicValues,
      List<PublicInteraction> publicInteractions) throws InvalidProofException {
    if (!proof.params().equals(params)) {
      throw new InvalidProofException("proof uses parameters (" + proof.params() + "), this verifier requires ("
          + params + ")");
    }
    if (proof.tables().size() != tables.size() || publicValues.size() != tables.size()) {
      throw new InvalidProofException("proof has " + proof.tables().size() + " tables and " + publicValues.size()
          + " public value lists were given, the verifier expects " + tables.size() + " tables");
    }
    for (int i = 0; i < tables.size(); i++) {
      TableShapeCheck.check(tables.get(i), proof.tables().get(i), publicValues.get(i), i);
    }
    if (proof.maxLogRows() == 0) {
      throw new InvalidProofException("proof has no present table");
    }
    boolean anyAux = false;
    for (int i = 0; i < tables.size(); i++) {
      anyAux |= proof.tables().get(i).present() && tables.get(i).air().auxPhase().isPresent();
    }
    if (proof.main() == null || proof.quotient() == null || (proof.aux() != null) != anyAux) {
      throw new InvalidProofException("proof's main, aux and quotient trees do not match its tables");
    }
    for (Scope scope : Scope.values()) {
      long bound = multiplicityBound(tables, proof, publicInteractions, scope);
      if (bound >= BabyBear.P) {
        throw new InvalidProofException(scope.name().toLowerCase() + " LogUp multiplicities could total " + bound
            + ", not below p: the lookup argument would not be sound for these heights");
      }
    }
  }

  private Ext4 verifyRest(Transcript t, List<TableKey> tables, MultiTableProof proof, LookupChallenges challenges,
      List<PublicInteraction> publicInteractions) throws InvalidProofException {
    challenges.observeInto(t);
    Protocol.observe(t, publicInteractions);
    List<TableProof> parts = proof.tables();
    if (proof.aux() != null) {
      t.observe(proof.aux().root());
    }
    for (TableProof part : parts) {
      for (Ext4 v : part.claimedSums()) {
        t.observe(v);
      }
    }
    Ext4 local = balance(tables, parts, challenges, publicInteractions, Scope.LOCAL);
    if (!local.isZero()) {
      throw new InvalidProofException("local " + LogUp.checkBalanced(List.of(local)).orElseThrow());
    }
    Ext4 global = balance(tables, parts, challenges, publicInteractions, Scope.GLOBAL);
    Ext4 alpha = t.sampleExt();
    t.observe(proof.quotient().root());
    if (!t.checkWitness(params.challengeGrindingBits(), proof.oodWitness())) {
      throw new InvalidProofException("out-of-domain proof-of-work witness does not give "
          + params.challengeGrindingBits() + " zero bits");
    }
    Ext4 zeta = t.sampleExt();
    if (zeta.a1() == 0 && zeta.a2() == 0 && zeta.a3() == 0) {
      throw new InvalidProofException("out-of-domain point fell in the base field");
    }
    for (int i = 0; i < tables.size(); i++) {
      TableProof part = parts.get(i);
      if (part.present()) {
        for (Ext4 v : part.valuesAtZeta()) {
          t.observe(v);
        }
        for (Ext4 v : part.valuesAtZetaNext()) {
          t.observe(v);
        }
        ConstraintsAtZeta.check(tables.get(i).air(), part, zeta, alpha, challenges.asArray());
      }
    }
    if (!t.checkWitness(params.challengeGrindingBits(), proof.deepWitness())) {
      throw new InvalidProofException("DEEP proof-of-work witness does not give "
          + params.challengeGrindingBits() + " zero bits");
    }
    Ext4 gamma = t.sampleExt();

    FriShape shape = FriShape.of(proof.maxLogRows(), params, Protocol.SHIFT);
    Map<Integer, List<Integer>> byLayer = new TreeMap<>();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).present()) {
        int layer = shape.logDegree() - parts.get(i).logRows();
        if (layer > shape.folds()) {
          throw new InvalidProofException(parts.get(i).name() + " at 2^" + parts.get(i).logRows()
              + " rows is too short to join the FRI batch of a 2^" + shape.logDegree() + "-row table");
        }
        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(i);
      }
    }
    FriVerifier fri = new FriVerifier(params);
    try {
      FriVerifier.Challenges friChallenges = fri.replay(t, proof.fri(), shape);
      JointTrees.verify(tables, proof, shape, friChallenges.positions());
      Ext4[][] entering = new Ext4[shape.folds() + 1][];
      for (var e : byLayer.entrySet()) {
        entering[e.getKey()] = new DeepAtQueries(shape, e.getKey(), friChallenges.positions(), gamma, zeta)
            .values(tables, parts, e.getValue());
      }
      fri.verifyQueries(proof.fri(), shape, friChallenges, entering);
    } catch (FriVerificationException e) {
      throw new InvalidProofException(e.getMessage());
    }
    return global;
  }

  /** Σ claimed sums of {@code scope} over the present tables, plus the public terms of that scope. */
  private static Ext4 balance(List<TableKey> tables, List<TableProof> parts, LookupChallenges challenges,
      List<PublicInteraction> publicInteractions, Scope scope) {
    Ext4 total = Ext4.ZERO;
    for (int i = 0; i < tables.size(); i++) {
      if (!parts.get(i).present()) {
        continue;
      }
      List<Scope> scopes = tables.get(i).air().auxPhase().map(AuxPhase::sumScopes).orElse(List.of());
      Ext4[] sums = parts.get(i).claimedSums();
      for (int s = 0; s < scopes.size(); s++) {
        if (scopes.get(s) == scope) {
          total = total.add(sums[s]);
        }
      }
    }
    for (PublicInteraction pi : publicInteractions) {
      if (pi.scope() == scope) {
        total = total.add(pi.term(challenges));
      }
    }
    return total;
  }

  /** The AIR's per-table limits, for the statement checks. */
  static int minLogRows(Air air) {
    return Math.max(1, air.minLogRows());
  }
}

package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.List;
import java.util.TreeSet;

/** Constants and the opening of the transcript, shared by prover and verifier so they cannot drift. */
public final class Protocol {

  /** Version of the protocol and of the binary encoding; bound into the transcript. */
  public static final int VERSION = 3;

  /** The coset shift of every LDE domain: BabyBear's multiplicative generator. */
  public static final int SHIFT = BabyBear.GENERATOR;

  private Protocol() {}

  /** Each position moved {@code layers} FRI layers down (p >> layers): where a shorter table is queried. */
  public static int[] shifted(int[] positions, int layers) {
    int[] out = new int[positions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = positions[i] >>> layers;
    }
    return out;
  }

  /**
   * The LDE rows opened for FRI query positions: for each position, the whole group of
   * 2^groupBits consecutive (bit-reversed) rows that FRI's first round folds into one value,
   * sorted and distinct.
   */
  public static int[] queriedRows(int[] positions, int groupBits) {
    TreeSet<Integer> rows = new TreeSet<>();
    for (int p : positions) {
      int first = (p >>> groupBits) << groupBits;
      for (int i = 0; i < 1 << groupBits; i++) {
        rows.add(first + i);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One table's entry in the statement a multi-table transcript starts from. */
  public record TableStatement(String name, Digest constraintDigest, int logRows, Digest preprocessedRoot,
      int[] publicValues) {}

  /**
   * A fresh transcript that has observed the statement: protocol label and version, every
   * parameter, then for each table its name, constraint digest, height (0 when absent) and
   * public values, and for a present table with preprocessed columns their commitment.
   */
  public static Transcript start(FriParameters params, List<TableStatement> tables) {
    Transcript t = new Transcript("l2prover-stark");
    t.observe(VERSION);
    t.observe(params.logBlowup());
    t.observe(params.queries());
    t.observe(params.grindingBits());
    t.observe(params.logFinalDegree());
    t.observe(params.logArity());
    t.observe(params.challengeGrindingBits());
    t.observe(tables.size());
    for (TableStatement s : tables) {
      t.observeLabel(s.name());
      t.observe(s.constraintDigest());
      t.observe(s.logRows());
      t.observeSized(s.publicValues());
      if (s.logRows() > 0 && s.preprocessedRoot() != null) {
        t.observe(s.preprocessedRoot());
      }
    }
    return t;
  }

  /** The statement transcript after the root of the tree over every present table's main trace. */
  public static Transcript afterMain(FriParameters params, List<TableStatement> tables, Digest mainRoot) {
    Transcript t = start(params, tables);
    t.observe(mainRoot);
    return t;
  }

  /** Eight elements squeezed from a copy of {@code transcript}: a digest of everything it observed. */
  public static Digest digest(Transcript transcript) {
    Transcript copy = transcript.copy();
    int[] out = new int[Digest.ELEMENTS];
    for (int i = 0; i < out.length; i++) {
      out[i] = copy.sample();
    }
    return Digest.of(out);
  }

  /** Binds the public LogUp terms (count, then bus, scope, multiplicity, values of each). */
  public static void observe(Transcript t, List<PublicInteraction> interactions) {
    t.observe(interactions.size());
    for (PublicInteraction pi : interactions) {
      t.observe(pi.bus());
      t.observe(pi.scope().ordinal());
      t.observe(pi.fieldMultiplicity());
      t.observeSized(pi.values());
    }
  }
}

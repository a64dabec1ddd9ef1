package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.TreeSet;

/** Constants and the opening of the transcript, shared by prover and verifier so they cannot drift. */
public final class Protocol {

  /** Version of the protocol and of the binary encoding; bound into the transcript. */
  public static final int VERSION = 1;

  /** The coset shift of every LDE domain: BabyBear's multiplicative generator. */
  public static final int SHIFT = BabyBear.GENERATOR;

  private Protocol() {}

  /**
   * The LDE rows opened for FRI query positions: each position and its FRI sibling (positions
   * 2j and 2j+1 hold f(x) and f(−x)), sorted and distinct.
   */
  public static int[] queriedRows(int[] positions) {
    TreeSet<Integer> rows = new TreeSet<>();
    for (int p : positions) {
      rows.add(p & ~1);
      rows.add(p | 1);
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A fresh transcript that has observed the statement: protocol label and version, AIR name,
   * trace height, FRI parameters, the preprocessed commitment (if any) and the public values.
   */
  public static Transcript start(String airName, int logRows, FriParameters params, Digest preprocessedRoot,
      int[] publicValues) {
    Transcript t = new Transcript("l2prover-stark");
    t.observe(VERSION);
    t.observeLabel(airName);
    t.observe(logRows);
    t.observe(params.logBlowup());
    t.observe(params.queries());
    t.observe(params.grindingBits());
    t.observe(params.logFinalDegree());
    t.observe(preprocessedRoot == null ? 0 : 1);
    if (preprocessedRoot != null) {
      t.observe(preprocessedRoot);
    }
    t.observeSized(publicValues);
    return t;
  }
}

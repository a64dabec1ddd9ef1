package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriProof;
import java.util.List;

/**
 * A proof that several tables (chips) of different heights satisfy their AIRs under one
 * transcript, with one batched FRI over all of them.
 *
 * @param params the parameters used (the verifier insists on its own)
 * @param tables one part per table of the verifier's key list, in that order, absent ones included
 * @param lookupWitness the proof-of-work witness before the LogUp challenges (bound by the transcript;
 *     in the two-phase mode the caller's {@link LookupChallenges} carries the same witness)
 * @param oodWitness the proof-of-work witness before the out-of-domain point ζ
 * @param deepWitness the proof-of-work witness before the DEEP combiner γ
 * @param fri the batched FRI proof: each height's DEEP combination enters the fold at the layer of its size
 * @param main the tree of every present table's main trace (mixed heights)
 * @param aux the tree of every aux trace; null when no present table has an aux phase
 * @param quotient the tree of every quotient
 */
public record MultiTableProof(FriParameters params, List<TableProof> tables, int lookupWitness, int oodWitness,
    int deepWitness, FriProof fri, TreeOpening main, TreeOpening aux, TreeOpening quotient) {

  public MultiTableProof {
    tables = List.copyOf(tables);
  }

  /** The same proof with other table parts (soundness tests build altered proofs with it). */
  public MultiTableProof withTables(List<TableProof> parts) {
    return new MultiTableProof(params, parts, lookupWitness, oodWitness, deepWitness, fri, main, aux, quotient);
  }

  /** log2 of the tallest present table (0 when none is present). */
  public int maxLogRows() {
    return tables.stream().mapToInt(TableProof::logRows).max().orElse(0);
  }
}

package io.l2prover.zkvm.stark.air;

/**
 * Where a LogUp interaction must balance. The multiset argument is sound only while the total
 * multiplicity in one balance stays below p, so most interactions balance within one
 * multi-table proof (one segment) and only the few that cross segments balance globally.
 */
public enum Scope {
  /** Balanced within one multi-table proof: range checks, ALU and program lookups, in-segment memory. */
  LOCAL,
  /** Balanced across all the proofs of a receipt: e.g. memory handed from one segment to the next. */
  GLOBAL
}

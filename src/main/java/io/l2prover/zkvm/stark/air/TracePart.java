package io.l2prover.zkvm.stark.air;

/** Which committed trace a column belongs to. */
public enum TracePart {
  /** Fixed by the AIR (a program, a lookup table): committed once, known to the verifier. */
  PREPROCESSED,
  /** The witness the prover fills in before any challenge is drawn. */
  MAIN,
  /** Extension-field columns the prover builds after drawing challenges (LogUp sums). */
  AUX
}

package io.l2prover.zkvm.stark.fri;

/**
 * The FRI parameter set: blowup 2^logBlowup, number of queries, proof-of-work bits, and the
 * degree bound 2^logFinalDegree at which folding stops and the polynomial is sent in the clear.
 * Folding is arity 2: each round halves the domain and the degree bound.
 *
 * <p>Conjectured security (the usual FRI conjecture, as Plonky3 and RISC Zero state it): each
 * query catches a word far from low-degree except with probability about the rate 1/blowup, so
 * {@code queries * logBlowup + grindingBits} bits.
 */
public record FriParameters(int logBlowup, int queries, int grindingBits, int logFinalDegree) {

  /** Blowup 4, 42 queries, 16 grinding bits: 42 * 2 + 16 = 100 bits conjectured. */
  public static final FriParameters DEFAULT = new FriParameters(2, 42, 16, 3);

  public FriParameters {
    if (logBlowup < 1 || logBlowup > 4) {
      throw new IllegalArgumentException("log blowup must be 1..4, got " + logBlowup);
    }
    if (queries < 1 || queries > 1000) {
      throw new IllegalArgumentException("queries must be 1..1000, got " + queries);
    }
    if (grindingBits < 0 || grindingBits > 30) {
      throw new IllegalArgumentException("grinding bits must be 0..30, got " + grindingBits);
    }
    if (logFinalDegree < 0 || logFinalDegree > 10) {
      throw new IllegalArgumentException("log final degree must be 0..10, got " + logFinalDegree);
    }
  }

  /** queries × log2(blowup) + grinding bits. */
  public int conjecturedSecurityBits() {
    return queries * logBlowup + grindingBits;
  }

  public int blowup() {
    return 1 << logBlowup;
  }

  @Override
  public String toString() {
    return "blowup " + blowup() + ", " + queries + " queries, " + grindingBits + " grinding bits, final degree 2^"
        + logFinalDegree + " (" + conjecturedSecurityBits() + " bits conjectured)";
  }
}

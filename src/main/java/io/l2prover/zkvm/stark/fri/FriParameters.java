package io.l2prover.zkvm.stark.fri;

/**
 * The proof's parameter set: blowup 2^logBlowup, number of queries, proof-of-work bits before the
 * queries, the degree bound 2^logFinalDegree at which folding stops and the polynomial is sent in
 * the clear, the folding arity 2^logArity (each round commits one layer and folds it logArity
 * times, arity-2 folds with a fresh challenge each, so a leaf of a committed layer holds
 * 2^logArity values), and the proof-of-work bits required before each of the other challenges
 * whose error grows with the trace height: the LogUp challenges, the out-of-domain point, the DEEP
 * combiner and each FRI round's folding challenges. Every security term is computed by
 * {@code io.l2prover.zkvm.stark.proof.SecurityReport} from the real heights.
 */
public record FriParameters(
    int logBlowup, int queries, int grindingBits, int logFinalDegree, int logArity, int challengeGrindingBits) {

  /**
   * Blowup 4, 46 queries, 16 grinding bits (query term 46 * 2 + 16 = 108 bits, so that the union
   * over the up to 256 proofs of one composite receipt still has 100), arity 4, 12 bits before the
   * LogUp, out-of-domain, DEEP and folding challenges (which keeps those terms above 100 bits for a
   * segment of ten wide 2^20-row tables; docs/stark-protocol.md).
   */
  public static final FriParameters DEFAULT = new FriParameters(2, 46, 16, 3, 2, 12);

  /** Without challenge grinding: for tests of small traces. */
  public FriParameters(int logBlowup, int queries, int grindingBits, int logFinalDegree, int logArity) {
    this(logBlowup, queries, grindingBits, logFinalDegree, logArity, 0);
  }

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
    if (logArity < 1 || logArity > 3) {
      throw new IllegalArgumentException("log folding arity must be 1..3 (arity 2, 4 or 8), got " + logArity);
    }
    if (challengeGrindingBits < 0 || challengeGrindingBits > 20) {
      throw new IllegalArgumentException("challenge grinding bits must be 0..20, got " + challengeGrindingBits);
    }
  }

  /**
   * The FRI query term only: queries × log2(blowup) + grinding bits. The other terms depend on
   * the heights, widths and interactions of the proven tables: see SecurityReport.
   */
  public int conjecturedSecurityBits() {
    return queries * logBlowup + grindingBits;
  }

  public int blowup() {
    return 1 << logBlowup;
  }

  @Override
  public String toString() {
    return "blowup " + blowup() + ", " + queries + " queries, " + grindingBits + " grinding bits, folding arity "
        + (1 << logArity) + ", final degree 2^" + logFinalDegree + ", " + challengeGrindingBits
        + " challenge grinding bits (query term " + conjecturedSecurityBits() + " bits)";
  }
}

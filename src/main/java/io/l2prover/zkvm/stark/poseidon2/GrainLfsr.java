package io.l2prover.zkvm.stark.poseidon2;

/**
 * The Grain self-shrinking LFSR that the Poseidon papers use to derive round constants
 * (Poseidon, eprint 2019/458, appendix E; reused unchanged by Poseidon2, eprint 2023/323).
 *
 * <p>The 80-bit seed encodes the instance (field type, S-box type, field bits, width, full and
 * partial round counts, then thirty ones), so every instance gets its own constants.
 */
final class GrainLfsr {

  private static final int STATE_BITS = 80;
  private static final int[] TAPS = {0, 13, 23, 38, 51, 62};
  private static final int BURN_IN = 160;

  /** The register, oldest bit first, as a ring buffer. */
  private final boolean[] state = new boolean[STATE_BITS];
  private int head;

  GrainLfsr(int fieldBits, int width, int fullRounds, int partialRounds) {
    int pos = 0;
    pos = put(pos, 1, 2); // field type: prime field
    pos = put(pos, 0, 4); // S-box: x^alpha
    pos = put(pos, fieldBits, 12);
    pos = put(pos, width, 12);
    pos = put(pos, fullRounds, 10);
    pos = put(pos, partialRounds, 10);
    while (pos < STATE_BITS) {
      state[pos++] = true;
    }
    for (int i = 0; i < BURN_IN; i++) {
      clock();
    }
  }

  /** Writes {@code value} big-endian in {@code bits} bits from position {@code pos}. */
  private int put(int pos, int value, int bits) {
    for (int i = bits - 1; i >= 0; i--) {
      state[pos++] = ((value >>> i) & 1) != 0;
    }
    return pos;
  }

  private boolean clock() {
    boolean bit = false;
    for (int tap : TAPS) {
      bit ^= state[(head + tap) % STATE_BITS];
    }
    state[head] = bit; // the oldest bit leaves, the new one enters at the end
    head = (head + 1) % STATE_BITS;
    return bit;
  }

  /** Self-shrinking output: of each pair (a, b), b is emitted when a is set. */
  boolean nextBit() {
    while (true) {
      boolean a = clock();
      boolean b = clock();
      if (a) {
        return b;
      }
    }
  }

  /** A uniform element of [0, modulus) by rejection of {@code bits}-bit big-endian samples. */
  int nextFieldElement(int bits, int modulus) {
    while (true) {
      long v = 0;
      for (int i = 0; i < bits; i++) {
        v = (v << 1) | (nextBit() ? 1 : 0);
      }
      if (v < modulus) {
        return (int) v;
      }
    }
  }
}

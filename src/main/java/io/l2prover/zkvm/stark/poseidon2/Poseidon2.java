package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Arrays;

/**
 * The Poseidon2 permutation of width 16 over BabyBear, exactly Plonky3's
 * {@code default_babybear_poseidon2_16}: S-box x^7, 4 + 13 + 4 rounds, Grain-LFSR round constants,
 * external layer circ(2M, M, M, M) with M = circ(2, 3, 1, 1), internal layer 1 + diag(V).
 *
 * <p>Immutable and thread-safe; states are {@code int[16]} of canonical values, permuted in place.
 */
public final class Poseidon2 {

  public static final int WIDTH = 16;
  static final int HALF_FULL_ROUNDS = 4;
  static final int PARTIAL_ROUNDS = 13;
  private static final int FIELD_BITS = 31;
  /**
   * Below this many states the one-at-a-time kernel is used: the batched one always works on
   * 128 states (see {@link Poseidon2BatchKernel}), at about a quarter of the cost per state.
   */
  private static final int BATCH_THRESHOLD = 32;

  private static final Poseidon2 BABY_BEAR = new Poseidon2();

  /** Round constants in the order the Grain LFSR emits them (initial, internal, terminal). */
  private final int[][] initialConstants = new int[HALF_FULL_ROUNDS][WIDTH];
  private final int[] internalConstants = new int[PARTIAL_ROUNDS];
  private final int[][] terminalConstants = new int[HALF_FULL_ROUNDS][WIDTH];
  /** The internal layer's diagonal V in M_I = 1 + diag(V) (1 is the all-ones matrix). */
  private final int[] internalDiagonal;
  private final Poseidon2Kernel kernel;
  private final Poseidon2BatchKernel batchKernel;

  private Poseidon2() {
    GrainLfsr grain = new GrainLfsr(FIELD_BITS, WIDTH, 2 * HALF_FULL_ROUNDS, PARTIAL_ROUNDS);
    for (int[] round : initialConstants) {
      fill(grain, round);
    }
    fill(grain, internalConstants);
    for (int[] round : terminalConstants) {
      fill(grain, round);
    }
    internalDiagonal = plonky3Diagonal();
    Poseidon2Arithmetic.ScaledConstants scaled =
        Poseidon2Arithmetic.ScaledConstants.of(initialConstants, internalConstants, terminalConstants);
    kernel = new Poseidon2Kernel(scaled);
    batchKernel = new Poseidon2BatchKernel(scaled);
  }

  private static void fill(GrainLfsr grain, int[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = grain.nextFieldElement(FIELD_BITS, BabyBear.P);
    }
  }

  /**
   * Plonky3's hand-picked diagonal for width 16, chosen so that each entry multiplies cheaply:
   * [-2, 1, 2, 1/2, 3, 4, -1/2, -3, -4, 1/2^8, 1/4, 1/8, 1/2^27, -1/2^8, -1/16, -1/2^27].
   */
  private static int[] plonky3Diagonal() {
    long[] numerators = {-2, 1, 2, 1, 3, 4, -1, -3, -4, 1, 1, 1, 1, -1, -1, -1};
    int[] log2Denominators = {0, 0, 0, 1, 0, 0, 1, 0, 0, 8, 2, 3, 27, 8, 4, 27};
    int[] v = new int[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      int inv = BabyBear.inv(BabyBear.pow(2, log2Denominators[i]));
      v[i] = BabyBear.mul(BabyBear.fromLong(numerators[i]), inv);
    }
    return v;
  }

  /** The default BabyBear width-16 instance. */
  public static Poseidon2 babyBear() {
    return BABY_BEAR;
  }

  /** Permutes a state of 16 canonical elements in place. */
  public void permute(int[] state) {
    if (state.length != WIDTH) {
      throw new IllegalArgumentException("Poseidon2 state must have " + WIDTH + " elements, got " + state.length);
    }
    kernel.permute(state);
  }

  /**
   * Permutes {@code count} independent states in place, state j being
   * {@code states[offset + 16 j .. offset + 16 j + 16)}: the same results as {@link #permute} on
   * each, three to four times the throughput once there are a few dozen states (SIMD across states).
   */
  public void permuteAll(int[] states, int offset, int count) {
    if (count < 0 || offset < 0 || (long) offset + (long) WIDTH * count > states.length) {
      throw new IllegalArgumentException("cannot permute " + count + " states of " + WIDTH + " at offset " + offset
          + " in an array of " + states.length);
    }
    if (count < BATCH_THRESHOLD) {
      for (int j = 0; j < count; j++) {
        permuteAt(states, offset + WIDTH * j);
      }
    } else {
      batchKernel.permute(states, offset, count);
    }
  }

  /**
   * The sponge digests of {@link Poseidon2Hash#hashRows} in the batched kernel, or false where
   * there are too few rows for it to pay (the caller then hashes row by row).
   */
  boolean hashRowsBatched(int[][] matrices, int[] widths, int totalWidth, int fromRow, int toRow, int[] out,
      int outOffset) {
    if (toRow - fromRow < BATCH_THRESHOLD) {
      return false;
    }
    batchKernel.hashRows(matrices, widths, totalWidth, fromRow, toRow, out, outOffset);
    return true;
  }

  /**
   * The Merkle parents of {@link Poseidon2Hash#compressPairs} in the batched kernel, or false where
   * there are too few pairs for it to pay (the caller then permutes pair by pair).
   */
  boolean compressPairsBatched(int[] digests, int offset, int count, int[] out, int outOffset) {
    if (count < BATCH_THRESHOLD) {
      return false;
    }
    batchKernel.compressPairs(digests, offset, count, out, outOffset);
    return true;
  }

  private void permuteAt(int[] states, int at) {
    int[] one = Arrays.copyOfRange(states, at, at + WIDTH);
    kernel.permute(one);
    System.arraycopy(one, 0, states, at, WIDTH);
  }

  /** A copy of one round-constant table, for tests and for other backends (CUDA) to embed. */
  public int[][] initialRoundConstants() {
    return deepCopy(initialConstants);
  }

  public int[] internalRoundConstants() {
    return internalConstants.clone();
  }

  public int[][] terminalRoundConstants() {
    return deepCopy(terminalConstants);
  }

  public int[] internalDiagonal() {
    return internalDiagonal.clone();
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}

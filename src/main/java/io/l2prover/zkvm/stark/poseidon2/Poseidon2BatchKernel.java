package io.l2prover.zkvm.stark.poseidon2;

import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.halve;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.mont;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.redc30;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.reduceLazy;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.ScaledConstants;
import java.util.Arrays;

/**
 * Many independent Poseidon2 permutations at once, laid out so that C2's auto-vectoriser turns
 * every step into SIMD code: lane i of permutation j lives at {@code lanes[i][j]}, and every loop
 * runs over j doing the same thing to each permutation. The arithmetic uses only 64-bit adds,
 * shifts and multiplies (no int/long conversions, which stop the vectoriser in Java 17).
 *
 * <p>The representation and arithmetic are those of {@link Poseidon2Arithmetic}.
 *
 * <p>Immutable and thread-safe; each call works in its own buffers ({@link Workspace}).
 */
final class Poseidon2BatchKernel {

  /** Permutations processed side by side: 16 lanes x 128 longs = 16 KiB, inside L1 (measured: 64 is 12% slower, 256 no faster). */
  static final int BATCH = 128;
  private static final int WIDTH = Poseidon2.WIDTH;

  private final ScaledConstants constants;

  Poseidon2BatchKernel(ScaledConstants constants) {
    this.constants = constants;
  }

  /** Permutes {@code count} states of 16 canonical values in place, state j at {@code states[offset + 16 j ..]}. */
  void permute(int[] states, int offset, int count) {
    Workspace w = new Workspace();
    for (int done = 0; done < count; done += BATCH) {
      int at = offset + WIDTH * done;
      permuteBatch(states, at, Math.min(BATCH, count - done), w, states, at, WIDTH);
    }
  }

  /**
   * Merkle compression of {@code count} consecutive pairs of 8-element digests (16 canonical
   * values each, from {@code digests[offset]}): parent j, the first 8 lanes of the permuted pair
   * j, into {@code out[outOffset + 8 j ..+8)}. Only those 8 lanes are converted back.
   */
  void compressPairs(int[] digests, int offset, int count, int[] out, int outOffset) {
    Workspace w = new Workspace();
    for (int done = 0; done < count; done += BATCH) {
      permuteBatch(digests, offset + WIDTH * done, Math.min(BATCH, count - done), w, out,
          outOffset + Poseidon2Hash.DIGEST * done, Poseidon2Hash.DIGEST);
    }
  }

  /**
   * The overwrite-mode sponge of {@link Poseidon2Hash} (rate 8, digest the first 8 lanes) over
   * rows {@code fromRow .. toRow - 1} of the concatenation of several row-major matrices (widths
   * {@code widths[k]}, {@code totalWidth} their sum): digest of row r into
   * {@code out[outOffset + 8 (r - fromRow) ..+8)}. The states stay in lanes, scaled, from one
   * chunk to the next: each chunk scales only the 8 values it absorbs, and only the digest is
   * converted back, where going through {@link #permute} per chunk would convert all 16 lanes
   * both ways every time.
   */
  void hashRows(int[][] matrices, int[] widths, int totalWidth, int fromRow, int toRow, int[] out, int outOffset) {
    Workspace w = new Workspace();
    int[] matrixOf = new int[Poseidon2Hash.RATE];
    int[] columnOf = new int[Poseidon2Hash.RATE];
    for (int first = fromRow; first < toRow; first += BATCH) {
      int count = Math.min(BATCH, toRow - first);
      long[][] t = w.lanes;
      for (long[] lane : t) {
        Arrays.fill(lane, 0L);
      }
      for (int start = 0; start < totalWidth; start += Poseidon2Hash.RATE) {
        int chunk = Math.min(Poseidon2Hash.RATE, totalWidth - start);
        locate(widths, start, chunk, matrixOf, columnOf);
        for (int i = 0; i < chunk; i++) {
          int[] m = matrices[matrixOf[i]];
          int stride = widths[matrixOf[i]];
          long[] lane = t[i];
          for (int j = 0, at = first * stride + columnOf[i]; j < count; j++, at += stride) {
            lane[j] = mont(m[at], constants.toScaled());
          }
        }
        permuteLanes(w);
      }
      for (int i = 0; i < Poseidon2Hash.DIGEST; i++) {
        long[] lane = t[i];
        for (int j = 0, at = outOffset + Poseidon2Hash.DIGEST * (first - fromRow) + i; j < count;
            j++, at += Poseidon2Hash.DIGEST) {
          out[at] = Poseidon2Arithmetic.canonical(lane[j], constants.fromScaled());
        }
      }
    }
  }

  /** Matrix and column of the concatenated row's elements {@code start .. start + chunk - 1}. */
  private static void locate(int[] widths, int start, int chunk, int[] matrixOf, int[] columnOf) {
    int k = 0;
    int column = start;
    while (column >= widths[k]) {
      column -= widths[k++];
    }
    for (int i = 0; i < chunk; i++) {
      while (column >= widths[k]) {
        column = 0;
        k++;
      }
      matrixOf[i] = k;
      columnOf[i] = column++;
    }
  }

  /** The lanes of up to {@link #BATCH} states and the S-box's temporaries. */
  private static final class Workspace {
    final long[][] lanes = new long[WIDTH][BATCH];
    final long[] x = new long[BATCH];
    final long[] x2 = new long[BATCH];
    final long[] x3 = new long[BATCH];
  }

  /**
   * The arithmetic always runs on all {@link #BATCH} columns, unused ones zero: C2 unrolls and
   * vectorises a loop according to the trip counts it has seen, and short batches seen early
   * would leave it with slow code for the long ones (measured: 50% slower).
   */
  private void permuteBatch(int[] states, int offset, int count, Workspace w, int[] out, int outOffset, int outLanes) {
    long[][] t = w.lanes;
    for (int i = 0; i < WIDTH; i++) {
      long[] lane = t[i];
      for (int j = 0; j < count; j++) {
        lane[j] = mont(states[offset + WIDTH * j + i], constants.toScaled());
      }
      Arrays.fill(lane, count, BATCH, 0L);
    }
    permuteLanes(w);
    for (int i = 0; i < outLanes; i++) {
      long[] lane = t[i];
      for (int j = 0; j < count; j++) {
        out[outOffset + outLanes * j + i] = Poseidon2Arithmetic.canonical(lane[j], constants.fromScaled());
      }
    }
  }

  /** The permutation on all {@link #BATCH} scaled states in the lanes, |values| < 2^29 p in, (-p, p) out. */
  private void permuteLanes(Workspace w) {
    int n = BATCH;
    externalLinear(w.lanes, n);
    fullRounds(w, constants.initialRc(), n);
    partialRounds(w, n);
    fullRounds(w, constants.terminalRc(), n);
  }

  private static void fullRounds(Workspace w, long[] rc, int n) {
    long[][] t = w.lanes;
    for (int r = 0; r < rc.length; r += WIDTH) {
      for (int i = 0; i < WIDTH; i++) {
        sbox(t[i], rc[r + i], n, w);
      }
      externalLinear(t, n);
    }
  }

  /**
   * Lane 0 goes through the S-box every round and needs no other reduction (the radix-2^30 step
   * takes any |x| < 2^29 p); lanes 1..15 grow by at most 20x per round and are Barrett-reduced
   * on entry (from below 36p) and after every second round, so all stay below 400p.
   */
  private void partialRounds(Workspace w, int n) {
    long[][] t = w.lanes;
    reduceLanes1To15(t, n);
    long[] rc = constants.internalRc();
    for (int r = 0; r < rc.length; r++) {
      sbox(t[0], rc[r], n, w);
      internalLinear(t, w.x, n);
      if ((r & 1) == 1) {
        reduceLanes1To15(t, n);
      }
    }
  }

  private static void reduceLanes1To15(long[][] t, int n) {
    for (int i = 1; i < WIDTH; i++) {
      long[] lane = t[i];
      for (int j = 0; j < n; j++) {
        lane[j] = reduceLazy(lane[j]);
      }
    }
  }

  /**
   * lane[j] <- (lane[j] + c)^7 for every permutation, C-scaled in and out (|lane[j] + c| < 2^29 p
   * in, (-p, p) out). One loop per product: C2 only unrolls, and so only vectorises, loops with
   * small bodies.
   */
  private static void sbox(long[] lane, long c, int n, Workspace w) {
    long[] x = w.x;
    long[] x2 = w.x2;
    long[] x3 = w.x3;
    for (int j = 0; j < n; j++) {
      x[j] = redc30(lane[j] + c);
    }
    for (int j = 0; j < n; j++) {
      long v = x[j];
      x2[j] = mont(v, v);
    }
    for (int j = 0; j < n; j++) {
      x3[j] = mont(x2[j], x[j]);
    }
    for (int j = 0; j < n; j++) {
      long v = x2[j];
      x2[j] = mont(v, v); // x^4
    }
    for (int j = 0; j < n; j++) {
      lane[j] = mont(x3[j], x2[j]);
    }
  }

  /** The external layer circ(2M, M, M, M), M = circ(2, 3, 1, 1), on every permutation; entries grow by at most 35x. */
  private static void externalLinear(long[][] t, int n) {
    for (int b = 0; b < WIDTH; b += 4) {
      long[] l0 = t[b];
      long[] l1 = t[b + 1];
      long[] l2 = t[b + 2];
      long[] l3 = t[b + 3];
      for (int j = 0; j < n; j++) {
        long x0 = l0[j];
        long x1 = l1[j];
        long x2 = l2[j];
        long x3 = l3[j];
        long x01 = x0 + x1;
        long x23 = x2 + x3;
        long all = x01 + x23;
        l0[j] = all + x01 + x1;    // 2 x0 + 3 x1 + x2 + x3
        l1[j] = all + x1 + 2 * x2; // x0 + 2 x1 + 3 x2 + x3
        l2[j] = all + x23 + x3;    // x0 + x1 + 2 x2 + 3 x3
        l3[j] = all + x3 + 2 * x0; // 3 x0 + x1 + x2 + 2 x3
      }
    }
    for (int k = 0; k < 4; k++) {
      long[] l0 = t[k];
      long[] l1 = t[4 + k];
      long[] l2 = t[8 + k];
      long[] l3 = t[12 + k];
      for (int j = 0; j < n; j++) {
        long sum = (l0[j] + l1[j]) + (l2[j] + l3[j]);
        l0[j] += sum;
        l1[j] += sum;
        l2[j] += sum;
        l3[j] += sum;
      }
    }
  }

  /**
   * The internal layer 1 + diag(V), V = [-2, 1, 2, 1/2, 3, 4, -1/2, -3, -4, 1/2^8, 1/4, 1/8,
   * 1/2^27, -1/2^8, -1/16, -1/2^27], on every permutation; for |s_i| <= B results are below 20B + p.
   * The sum goes to a buffer first (the caller's), four lanes per pass, so that every loop stays
   * small enough to vectorise.
   */
  private static void internalLinear(long[][] t, long[] sum, int n) {
    for (int i = 0; i < WIDTH; i += 4) {
      long[] a = t[i];
      long[] b = t[i + 1];
      long[] c = t[i + 2];
      long[] d = t[i + 3];
      for (int j = 0; j < n; j++) {
        long quad = (a[j] + b[j]) + (c[j] + d[j]);
        sum[j] = i == 0 ? quad : sum[j] + quad; // the JIT hoists the test out of the loop
      }
    }
    long[] s = t[0];
    for (int j = 0; j < n; j++) {
      s[j] = sum[j] - 2 * s[j];
    }
    addMultiple(t[1], sum, 1, n);
    addMultiple(t[2], sum, 2, n);
    addHalved(t[3], sum, 1, n);
    addMultiple(t[4], sum, 3, n);
    addMultiple(t[5], sum, 4, n);
    subtractHalved(t[6], sum, 1, n);
    addMultiple(t[7], sum, -3, n);
    addMultiple(t[8], sum, -4, n);
    addHalved(t[9], sum, 8, n);
    addHalved(t[10], sum, 2, n);
    addHalved(t[11], sum, 3, n);
    addHalved(t[12], sum, 27, n);
    subtractHalved(t[13], sum, 8, n);
    subtractHalved(t[14], sum, 4, n);
    subtractHalved(t[15], sum, 27, n);
  }

  private static void addMultiple(long[] s, long[] sum, long factor, int n) {
    for (int j = 0; j < n; j++) {
      s[j] = sum[j] + factor * s[j];
    }
  }

  private static void addHalved(long[] s, long[] sum, int k, int n) {
    for (int j = 0; j < n; j++) {
      s[j] = sum[j] + halve(s[j], k);
    }
  }

  private static void subtractHalved(long[] s, long[] sum, int k, int n) {
    for (int j = 0; j < n; j++) {
      s[j] = sum[j] - halve(s[j], k);
    }
  }
}

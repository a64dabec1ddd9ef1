package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;

/**
 * Many independent Poseidon2 permutations at once, laid out so that C2's auto-vectoriser turns
 * every step into SIMD code: lane i of permutation j lives at {@code lanes[i][j]}, and every loop
 * runs over j doing the same thing to each permutation. The arithmetic uses only 64-bit adds,
 * shifts and multiplies (no int/long conversions, which stop the vectoriser in Java 17).
 *
 * <p>Representation: a state element s is held as s * C mod p with C = 2^67, as a signed long
 * that is only partly reduced. The S-box first applies a Montgomery reduction with radix 2^30
 * (x -> x * 2^-30, exact for |x| < 2^29 p, no multiplication: p^-1 = 1 + 2^27 mod 2^30), then
 * four Montgomery products with radix 2^32 (p^-1 = 1 + 2^27 + 2^31 mod 2^32, and times p is
 * (m << 31) - (m << 27) + m, so each product is one multiplication). That chain maps s * C to
 * s^7 * C^7 * 2^-402, which is s^7 * C exactly because C^6 = 2^402: the scale needs no
 * correction anywhere. Linear layers are linear, so they commute with the scale.
 *
 * <p>Immutable and thread-safe; each call works in its own buffers ({@link Workspace}).
 */
final class Poseidon2BatchKernel {

  /** Permutations processed side by side: 16 lanes x 128 longs = 16 KiB, inside L1 (measured: 64 is 12% slower, 256 no faster). */
  static final int BATCH = 128;
  private static final long P = BabyBear.P;
  private static final int WIDTH = Poseidon2.WIDTH;
  private static final long MU48 = (1L << 48) / P;
  private static final long OFFSET = 1024 * P;

  private final long[] initialRc;
  private final long[] internalRc;
  private final long[] terminalRc;
  /** C * 2^32 mod p: a Montgomery product with it moves a canonical value into the C-scaled form. */
  private final long toScaled;
  /** C^-1 * 2^62 mod p: after the radix-2^30 reduction, a Montgomery product with it undoes the scale. */
  private final long fromScaled;

  Poseidon2BatchKernel(int[][] initialConstants, int[] internalConstants, int[][] terminalConstants) {
    int c = pow2(67);
    initialRc = scaled(initialConstants, c);
    terminalRc = scaled(terminalConstants, c);
    internalRc = new long[internalConstants.length];
    for (int i = 0; i < internalConstants.length; i++) {
      internalRc[i] = BabyBear.mul(internalConstants[i], c);
    }
    toScaled = BabyBear.mul(c, pow2(32));
    fromScaled = BabyBear.mul(BabyBear.inv(c), pow2(62));
  }

  private static int pow2(int e) {
    return BabyBear.pow(2, e);
  }

  private static long[] scaled(int[][] rounds, int c) {
    long[] flat = new long[rounds.length * WIDTH];
    for (int r = 0; r < rounds.length; r++) {
      for (int i = 0; i < WIDTH; i++) {
        flat[r * WIDTH + i] = BabyBear.mul(rounds[r][i], c);
      }
    }
    return flat;
  }

  /** Permutes {@code count} states of 16 canonical values in place, state j at {@code states[offset + 16 j ..]}. */
  void permute(int[] states, int offset, int count) {
    Workspace w = new Workspace();
    for (int done = 0; done < count; done += BATCH) {
      permuteBatch(states, offset + WIDTH * done, Math.min(BATCH, count - done), w);
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
  private void permuteBatch(int[] states, int offset, int count, Workspace w) {
    long[][] t = w.lanes;
    for (int i = 0; i < WIDTH; i++) {
      long[] lane = t[i];
      for (int j = 0; j < count; j++) {
        lane[j] = mont(states[offset + WIDTH * j + i], toScaled);
      }
      java.util.Arrays.fill(lane, count, BATCH, 0L);
    }
    int n = BATCH;
    externalLinear(t, n);
    fullRounds(w, initialRc, n);
    partialRounds(w, n);
    fullRounds(w, terminalRc, n);
    for (int i = 0; i < WIDTH; i++) {
      long[] lane = t[i];
      for (int j = 0; j < count; j++) {
        long r = mont(redc30(lane[j]), fromScaled);
        states[offset + WIDTH * j + i] = (int) (r + ((r >> 63) & P));
      }
    }
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
    for (int r = 0; r < internalRc.length; r++) {
      sbox(t[0], internalRc[r], n, w);
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

  /** x * 2^-30 mod p, in (-p, p), for |x| < 2^29 p: m = x p^-1 mod 2^30 (signed), x - m p is divisible by 2^30. */
  static long redc30(long x) {
    long m = ((x + (x << 27)) << 34) >> 34;
    return (x - timesP(m)) >> 30;
  }

  /** a * b * 2^-32 mod p, in (-p, p), for |a b| < 2^31 p (e.g. |a|, |b| < p). */
  static long mont(long a, long b) {
    long t = a * b;
    long m = ((t << 32) + (t << 59) + (t << 63)) >> 32; // t p^-1 mod 2^32, signed
    return (t - timesP(m)) >> 32;
  }

  /** m * p with p = 2^31 - 2^27 + 1, without a multiplication. */
  private static long timesP(long m) {
    return (m << 31) - (m << 27) + m;
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

  /** x / 2^k mod p for |x| < 2^35, k <= 27: adding m p with m = -x mod 2^k makes x exactly divisible (p = 1 mod 2^27). */
  private static long halve(long x, int k) {
    long m = (-x) & ((1L << k) - 1);
    return (x + timesP(m)) >> k;
  }

  /** A representative of v mod p in [-p, p) for -1024p <= v < 2^44 (Barrett with the quotient estimate floor(u mu / 2^48)). */
  private static long reduceLazy(long v) {
    long u = v + OFFSET;
    long q = (u * MU48) >>> 48;
    return u - timesP(q) - P;
  }
}

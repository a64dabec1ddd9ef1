package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Montgomery;

/**
 * The arithmetic of one Poseidon2 permutation, tuned for the JIT. The state lives in Montgomery
 * form (x * 2^32 mod p) as signed longs that are only partly reduced: a Montgomery product of
 * two values in [-p, p] is again in (-p, p), so the S-box needs no correction steps; the linear
 * layers add freely and one Barrett step per element brings values back to [-p, p) where a
 * product needs it. The internal diagonal's 2^-k entries use an exact shift instead of a product.
 * Every range claim below is exercised at its edges by {@code Poseidon2KernelTest}.
 * {@code Poseidon2Reference} in the tests is the plain version this is checked against.
 */
final class Poseidon2Kernel {

  private static final long P = BabyBear.P;
  private static final int WIDTH = Poseidon2.WIDTH;
  /** floor(2^48 / p): Barrett quotient estimate for |v| < 2^45. */
  private static final long MU48 = (1L << 48) / P;
  private static final int P_INV = 0x88000001; // p^-1 mod 2^32
  /** 1024p: added before a Barrett step so negative partial results reduce correctly. */
  static final long OFFSET = 1024 * P;

  /** Round constants in Montgomery form. */
  private final long[] initialRc;
  private final long[] internalRc;
  private final long[] terminalRc;

  Poseidon2Kernel(int[][] initialConstants, int[] internalConstants, int[][] terminalConstants) {
    this.initialRc = flatMontgomery(initialConstants);
    this.internalRc = new long[internalConstants.length];
    for (int i = 0; i < internalConstants.length; i++) {
      internalRc[i] = Montgomery.toMontgomery(internalConstants[i]);
    }
    this.terminalRc = flatMontgomery(terminalConstants);
  }

  private static long[] flatMontgomery(int[][] rounds) {
    long[] flat = new long[rounds.length * WIDTH];
    for (int r = 0; r < rounds.length; r++) {
      for (int i = 0; i < WIDTH; i++) {
        flat[r * WIDTH + i] = Montgomery.toMontgomery(rounds[r][i]);
      }
    }
    return flat;
  }

  /** Permutes 16 canonical values in place. */
  void permute(int[] state) {
    long[] t = new long[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      t[i] = Montgomery.toMontgomery(state[i]);
    }
    externalLinear(t);
    fullRounds(t, initialRc);
    partialRounds(t);
    fullRounds(t, terminalRc);
    for (int i = 0; i < WIDTH; i++) {
      state[i] = Montgomery.reduce(reduce(t[i])); // out of Montgomery form, canonical
    }
  }

  private static void fullRounds(long[] t, long[] rc) {
    for (int r = 0; r < rc.length; r += WIDTH) {
      for (int i = 0; i < WIDTH; i++) {
        t[i] = sbox(reduceLazy(t[i] + rc[r + i]));
      }
      externalLinear(t);
    }
  }

  /**
   * t holds the unreduced output of the last full round (|t_i| < 36p); leaves |t_i| < 21p.
   *
   * <p>The rounds form one dependency chain through s_0 (S-box, then the internal layer), so
   * the order of work is chosen to keep that chain short. The new s_0 is sum - 2 s_0 =
   * rest - sbox(s_0) with rest = s_1 + ... + s_15, which does not depend on this round's S-box:
   * rest plus the next round constant is reduced while the S-box runs, and the next S-box input
   * is that minus the S-box output, brought into (-p, p) by one conditional subtraction.
   * The other lanes grow by at most 20x per round and are reduced after every second round
   * (entering a round they are below 20p, so |rest| < 300p stays inside {@link #reduce}'s range).
   */
  private void partialRounds(long[] t) {
    for (int i = 1; i < WIDTH; i++) {
      t[i] = reduceLazy(t[i]);
    }
    long x = reduceLazy(t[0] + internalRc[0]);
    int last = internalRc.length - 1;
    for (int r = 0; ; r++) {
      long y = sbox(x);
      long rest = sumOfLanes1To15(t);
      if (r == last) {
        t[0] = rest - y;
        internalLinear(t, rest + y);
        return;
      }
      x = reduce(rest + internalRc[r + 1]) - y; // in (-p, 2p)
      x -= ((P - 1 - x) >> 63) & P;
      internalLinear(t, rest + y);
      if ((r & 1) == 1) {
        for (int i = 1; i < WIDTH; i++) {
          t[i] = reduceLazy(t[i]);
        }
      }
    }
  }

  /** s_1 + ... + s_15 as a balanced tree, so no add waits on a long chain. */
  private static long sumOfLanes1To15(long[] s) {
    long a = (s[1] + s[2]) + (s[3] + s[4]);
    long b = (s[5] + s[6]) + (s[7] + s[8]);
    long c = (s[9] + s[10]) + (s[11] + s[12]);
    long d = (s[13] + s[14]) + s[15];
    return (a + b) + (c + d);
  }

  /** x^7 in Montgomery form for x in [-p, p); the result is in (-p, p). */
  private static long sbox(long x) {
    long x2 = montMul(x, x);
    long x3 = montMul(x2, x);
    long x4 = montMul(x2, x2);
    return montMul(x3, x4);
  }

  /** a * b * 2^-32 mod p, in (-p, p), for a, b in [-p, p]. */
  static long montMul(long a, long b) {
    long t = a * b;
    int m = (int) t * P_INV; // m * p == t (mod 2^32)
    return (t - m * P) >> 32;
  }

  /**
   * circ(2M, M, M, M) with M = circ(2, 3, 1, 1), in place: M on each block of 4, then every element
   * gains the sum of its position over the blocks. Entries grow by at most a factor of 35.
   */
  private static void externalLinear(long[] t) {
    for (int b = 0; b < WIDTH; b += 4) {
      long x0 = t[b];
      long x1 = t[b + 1];
      long x2 = t[b + 2];
      long x3 = t[b + 3];
      long x01 = x0 + x1;
      long x23 = x2 + x3;
      long all = x01 + x23;
      t[b] = all + x01 + x1;        // 2 x0 + 3 x1 + x2 + x3
      t[b + 1] = all + x1 + 2 * x2; // x0 + 2 x1 + 3 x2 + x3
      t[b + 2] = all + x23 + x3;    // x0 + x1 + 2 x2 + 3 x3
      t[b + 3] = all + x3 + 2 * x0; // 3 x0 + x1 + x2 + 2 x3
    }
    for (int k = 0; k < 4; k++) {
      long sum = t[k] + t[4 + k] + t[8 + k] + t[12 + k];
      t[k] += sum;
      t[4 + k] += sum;
      t[8 + k] += sum;
      t[12 + k] += sum;
    }
  }

  /**
   * Lanes 1..15 of the internal layer, s_i <- V_i s_i + sum with V = [-2, 1, 2, 1/2, 3, 4, -1/2,
   * -3, -4, 1/2^8, 1/4, 1/8, 1/2^27, -1/2^8, -1/16, -1/2^27] (lane 0 is done by the caller),
   * unreduced: for |s_i| <= B and |sum| <= S the results are below S + 4B + p in size.
   */
  private static void internalLinear(long[] s, long sum) {
    s[1] = sum + s[1];
    s[2] = sum + 2 * s[2];
    s[3] = sum + halve(s[3], 1);
    s[4] = sum + 3 * s[4];
    s[5] = sum + 4 * s[5];
    s[6] = sum - halve(s[6], 1);
    s[7] = sum - 3 * s[7];
    s[8] = sum - 4 * s[8];
    s[9] = sum + halve(s[9], 8);
    s[10] = sum + halve(s[10], 2);
    s[11] = sum + halve(s[11], 3);
    s[12] = sum + halve(s[12], 27);
    s[13] = sum - halve(s[13], 8);
    s[14] = sum - halve(s[14], 4);
    s[15] = sum - halve(s[15], 27);
  }

  /**
   * x / 2^k mod p for |x| < 2^40 and k <= 27, in [x / 2^k, x / 2^k + p): since p = 1 (mod 2^27),
   * adding m p with m = -x mod 2^k makes the sum exactly divisible by 2^k.
   */
  private static long halve(long x, int k) {
    long m = (-x) & ((1L << k) - 1);
    return (x + m * P) >> k;
  }

  /**
   * v mod p in [0, p) for -1024p <= v < 2^44. The offset makes v non-negative, where the Barrett
   * estimate floor(v MU48 / 2^48) is floor(v / p) or one less, never more.
   */
  static long reduce(long v) {
    long r = reduceLazy(v);
    return r + ((r >> 63) & P);
  }

  /** A representative of v mod p in [-p, p), for the same v as {@link #reduce}: enough for a product. */
  static long reduceLazy(long v) {
    long u = v + OFFSET;
    long q = (u * MU48) >>> 48;
    return u - q * P - P;
  }
}

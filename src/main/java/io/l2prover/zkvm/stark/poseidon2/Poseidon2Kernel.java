package io.l2prover.zkvm.stark.poseidon2;

import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.halve;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.mont;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.redc30;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.reduceLazy;
import static io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.sbox;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2Arithmetic.ScaledConstants;

/**
 * One Poseidon2 permutation at a time, tuned for the JIT, in the scaled representation of
 * {@link Poseidon2Arithmetic}. The full rounds' S-box layer is split into one small loop per
 * product over the 16 lanes, a shape C2 can vectorise (measured faster than scalar code even at
 * this short length); the partial rounds are one scalar dependency
 * chain through lane 0, ordered to keep that chain short. {@code Poseidon2Reference} in the tests
 * is the plain version this is checked against.
 */
final class Poseidon2Kernel {

  private static final int WIDTH = Poseidon2.WIDTH;

  private final ScaledConstants constants;

  Poseidon2Kernel(ScaledConstants constants) {
    this.constants = constants;
  }

  /** Permutes 16 canonical values in place. */
  void permute(int[] state) {
    long[] t = new long[WIDTH];
    long[] scratch = new long[3 * WIDTH]; // x, x^2 then x^4, x^3: one allocation instead of three
    for (int i = 0; i < WIDTH; i++) {
      t[i] = mont(state[i], constants.toScaled());
    }
    externalLinear(t);
    fullRounds(t, constants.initialRc(), scratch);
    partialRounds(t);
    fullRounds(t, constants.terminalRc(), scratch);
    for (int i = 0; i < WIDTH; i++) {
      state[i] = Poseidon2Arithmetic.canonical(t[i], constants.fromScaled());
    }
  }

  /** t below 36p in size on entry and exit; s is scratch (x, x^2 then x^4, x^3). One loop per product so C2 vectorises each. */
  private static void fullRounds(long[] t, long[] rc, long[] s) {
    for (int r = 0; r < rc.length; r += WIDTH) {
      for (int i = 0; i < WIDTH; i++) {
        s[i] = redc30(t[i] + rc[r + i]);
      }
      for (int i = 0; i < WIDTH; i++) {
        long v = s[i];
        s[WIDTH + i] = mont(v, v);
      }
      for (int i = 0; i < WIDTH; i++) {
        s[2 * WIDTH + i] = mont(s[WIDTH + i], s[i]);
      }
      for (int i = 0; i < WIDTH; i++) {
        long v = s[WIDTH + i];
        s[WIDTH + i] = mont(v, v); // x^4
      }
      for (int i = 0; i < WIDTH; i++) {
        t[i] = mont(s[2 * WIDTH + i], s[WIDTH + i]);
      }
      externalLinear(t);
    }
  }

  /**
   * t holds the unreduced output of the last full round (|t_i| < 36p); leaves |t_i| < 21p.
   *
   * <p>The rounds form one dependency chain through s_0 (S-box, then the internal layer), so
   * the work is ordered to keep that chain short. The new s_0 is sum - 2 s_0 = rest - sbox(s_0)
   * with rest = s_1 + ... + s_15 (a balanced tree), which does not wait for this round's S-box;
   * the next S-box input rest + c - sbox(s_0) needs no reduction (below 302p, and the S-box takes
   * anything below 2^29 p). The other lanes grow by at most 20x per round and are reduced on entry
   * and after every second round (entering a round they are below 20p, so |rest| < 300p).
   */
  private void partialRounds(long[] t) {
    long[] rc = constants.internalRc();
    for (int i = 1; i < WIDTH; i++) {
      t[i] = reduceLazy(t[i]);
    }
    long x = t[0] + rc[0];
    int last = rc.length - 1;
    for (int r = 0; ; r++) {
      long y = sbox(x);
      long rest = ((t[1] + t[2]) + (t[3] + t[4])) + ((t[5] + t[6]) + (t[7] + t[8]))
          + (((t[9] + t[10]) + (t[11] + t[12])) + ((t[13] + t[14]) + t[15]));
      if (r == last) {
        t[0] = rest - y;
        internalLinear(t, rest + y);
        return;
      }
      x = rest + rc[r + 1] - y;
      internalLinear(t, rest + y);
      if ((r & 1) == 1) {
        for (int i = 1; i < WIDTH; i++) {
          t[i] = reduceLazy(t[i]);
        }
      }
    }
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
}

package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;

/**
 * Poseidon2 written plainly from the specification on canonical values, as the test oracle for
 * the optimised kernel.
 */
final class Poseidon2Reference {

  private final int[][] initialConstants;
  private final int[] internalConstants;
  private final int[][] terminalConstants;
  private final int[] diagonal;

  Poseidon2Reference(int[][] initialConstants, int[] internalConstants, int[][] terminalConstants, int[] diagonal) {
    this.initialConstants = initialConstants;
    this.internalConstants = internalConstants;
    this.terminalConstants = terminalConstants;
    this.diagonal = diagonal;
  }

  void permute(int[] s) {
    externalLinear(s);
    for (int[] rc : initialConstants) {
      fullRound(s, rc);
    }
    for (int rc : internalConstants) {
      s[0] = sbox(BabyBear.add(s[0], rc));
      internalLinear(s);
    }
    for (int[] rc : terminalConstants) {
      fullRound(s, rc);
    }
  }

  private void fullRound(int[] s, int[] rc) {
    for (int i = 0; i < Poseidon2.WIDTH; i++) {
      s[i] = sbox(BabyBear.add(s[i], rc[i]));
    }
    externalLinear(s);
  }

  private static int sbox(int x) {
    int x2 = BabyBear.mul(x, x);
    int x3 = BabyBear.mul(x2, x);
    int x4 = BabyBear.mul(x2, x2);
    return BabyBear.mul(x3, x4);
  }

  /** circ(2M, M, M, M): M on each 4-block, then each element gains the sum of its column of blocks. */
  private static void externalLinear(int[] s) {
    long[] t = new long[Poseidon2.WIDTH];
    for (int b = 0; b < Poseidon2.WIDTH; b += 4) {
      long x0 = s[b];
      long x1 = s[b + 1];
      long x2 = s[b + 2];
      long x3 = s[b + 3];
      // M = circ(2, 3, 1, 1)
      t[b] = 2 * x0 + 3 * x1 + x2 + x3;
      t[b + 1] = x0 + 2 * x1 + 3 * x2 + x3;
      t[b + 2] = x0 + x1 + 2 * x2 + 3 * x3;
      t[b + 3] = 3 * x0 + x1 + x2 + 2 * x3;
    }
    for (int k = 0; k < 4; k++) {
      long sum = t[k] + t[4 + k] + t[8 + k] + t[12 + k];
      for (int b = 0; b < Poseidon2.WIDTH; b += 4) {
        s[b + k] = BabyBear.fromLong(t[b + k] + sum);
      }
    }
  }

  /** (1 + diag(V)) s: each element becomes V_i s_i plus the sum of the whole state. */
  private void internalLinear(int[] s) {
    long sum = 0;
    for (int x : s) {
      sum += x;
    }
    for (int i = 0; i < Poseidon2.WIDTH; i++) {
      s[i] = BabyBear.fromLong(sum + BabyBear.mul(s[i], diagonal[i]));
    }
  }
}

package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The DEEP combination FRI is run on. With the committed columns p_0 .. p_{K-1} (all matrices in
 * order), of which the first K' are also opened at ζω:
 * f(x) = Σ_k γ^k (p_k(x) − p_k(ζ)) / (x − ζ) + γ^K Σ_{k<K'} γ^k (p_k(x) − p_k(ζω)) / (x − ζω).
 * Each term is a polynomial of degree below n exactly when the claimed openings are right, so
 * FRI on f checks all openings at once.
 */
final class DeepComposition {

  private static final int GRAIN = 1 << 12;
  /** Columns of the extended sums: Σ over every column, then over those opened at ζω (Ext4 each). */
  private static final int SUMS = 8;

  private DeepComposition() {}

  /**
   * f on the LDE coset {@code shift · <W>} of size 2^(logRows + logBlowup), bit-reversed: 4 ints
   * per point. {@code evals} are the committed matrices' values on H (2^logRows rows, the LDEs
   * were extended from them). Both sums Σ γ^k p_k are formed on H and extended once (8 base
   * columns): the LDE is linear, so their values on the coset are exactly those of the same sums
   * over the committed LDEs, at a quarter of the products for a blowup of 4.
   */
  static int[] codeword(ComputeBackend backend, int logRows, int logBlowup, int shift, int[][] evals, int[] widths,
      int nextOpenedColumns, Ext4 gamma, Ext4 zeta, Ext4 zetaNext, Ext4[] atZeta, Ext4[] atZetaNext) {
    int logLde = logRows + logBlowup;
    int size = 1 << logLde;
    int total = atZeta.length;
    int[] gammaPowers = new int[4 * total];
    Ext4 g = Ext4.ONE;
    Ext4 sumAtZeta = Ext4.ZERO;
    Ext4 sumAtZetaNext = Ext4.ZERO;
    for (int k = 0; k < total; k++) {
      ExtArrays.put(gammaPowers, k, g);
      sumAtZeta = sumAtZeta.add(g.mul(atZeta[k]));
      if (k < nextOpenedColumns) {
        sumAtZetaNext = sumAtZetaNext.add(g.mul(atZetaNext[k]));
      }
      g = g.mul(gamma);
    }
    final int[] gammaK = g.toArray();
    final int[] vz = sumAtZeta.toArray();
    final int[] vzn = sumAtZetaNext.toArray();
    int[] sums = backend.cosetLde(combined(1 << logRows, evals, widths, nextOpenedColumns, gammaPowers), SUMS,
        logRows, logBlowup, shift);
    int w = BabyBear.twoAdicGenerator(logLde);
    // Chunks start at multiples of GRAIN, so bitrev(from + t) = bitrev(from) + bitrev(t) for
    // t < GRAIN: a point is the chunk's first power times one of these.
    int[] lowPowers = new int[Math.min(size, GRAIN)];
    for (int t = 0; t < lowPowers.length; t++) {
      lowPowers[t] = BabyBear.pow(w, BitReversal.reverse(t, logLde));
    }
    int[] out = new int[4 * size];
    int chunks = (size + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * GRAIN;
      int to = Math.min(size, from + GRAIN);
      int n = to - from;
      int[] inv1 = new int[4 * n];
      int[] inv2 = new int[4 * n];
      int chunkShift = BabyBear.mul(shift, BabyBear.pow(w, BitReversal.reverse(from, logLde)));
      for (int i = from; i < to; i++) {
        int x = BabyBear.mul(chunkShift, lowPowers[i - from]);
        ExtArrays.put(inv1, i - from, Ext4.of(x).sub(zeta));
        ExtArrays.put(inv2, i - from, Ext4.of(x).sub(zetaNext));
      }
      ExtArrays.batchInverse(inv1, 0, n);
      ExtArrays.batchInverse(inv2, 0, n);
      int[] a = new int[4];
      int[] b = new int[4];
      for (int i = from; i < to; i++) {
        for (int k = 0; k < 4; k++) {
          a[k] = BabyBear.sub(sums[SUMS * i + k], vz[k]);
          b[k] = BabyBear.sub(sums[SUMS * i + 4 + k], vzn[k]);
        }
        int at = 4 * (i - from);
        Ext4.mulInto(a, 0, inv1, at, a, 0);
        Ext4.mulInto(b, 0, inv2, at, b, 0);
        Ext4.mulInto(b, 0, gammaK, 0, b, 0);
        for (int k = 0; k < 4; k++) {
          out[4 * i + k] = BabyBear.add(a[k], b[k]);
        }
      }
    });
    return out;
  }

  /**
   * Row i: Σ_k γ^k p_k(ω^i) over every column (4 ints), then over the first
   * {@code nextOpenedColumns} (4 ints), from the matrices' values on H.
   */
  private static int[] combined(int rows, int[][] evals, int[] widths, int nextOpenedColumns, int[] gammaPowers) {
    int[] out = new int[SUMS * rows];
    int chunks = (rows + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      long[] s = new long[4];
      int[] a = new int[4];
      int[] b = new int[4];
      for (int i = c * GRAIN; i < Math.min(rows, (c + 1) * GRAIN); i++) {
        Arrays.fill(s, 0);
        int column = 0;
        for (int m = 0; m < evals.length; m++) {
          if (column == nextOpenedColumns) {
            snapshot(s, b);
          }
          int width = widths[m];
          int[] values = evals[m];
          int row = i * width;
          for (int col = 0; col < width; col++, column++) {
            long v = values[row + col];
            for (int k = 0; k < 4; k++) {
              long t = s[k] + v * gammaPowers[4 * column + k];
              s[k] = t >= ExtArrays.P2 ? t - ExtArrays.P2 : t;
            }
          }
        }
        if (column == nextOpenedColumns) {
          snapshot(s, b);
        }
        snapshot(s, a);
        System.arraycopy(a, 0, out, SUMS * i, 4);
        System.arraycopy(b, 0, out, SUMS * i + 4, 4);
      }
    });
    return out;
  }

  private static void snapshot(long[] s, int[] into) {
    for (int k = 0; k < 4; k++) {
      into[k] = (int) (s[k] % ExtArrays.P);
    }
  }
}

package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import java.util.stream.IntStream;

/**
 * Evaluates the columns of a row-major matrix, given by their values on the trace subgroup H
 * (natural order), at an out-of-domain point z without interpolating:
 * p(z) = (z^n − 1)/n · Σ_i p(ω^i) ω^i / (z − ω^i).
 */
final class Barycentric {

  private static final int GRAIN = 1 << 12;

  private final int logRows;
  private final int[] weights;
  private final Ext4 scale;

  /** Precomputes the weights ω^i / (z − ω^i) for one point; z must lie outside H. */
  Barycentric(int logRows, Ext4 z) {
    this.logRows = logRows;
    int n = 1 << logRows;
    int omega = BabyBear.twoAdicGenerator(logRows);
    int[] powers = new int[n];
    powers[0] = 1;
    for (int i = 1; i < n; i++) {
      powers[i] = BabyBear.mul(powers[i - 1], omega);
    }
    int[] w = new int[4 * n];
    for (int i = 0; i < n; i++) {
      ExtArrays.put(w, i, z.sub(powers[i]));
    }
    int chunks = (n + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * GRAIN;
      int to = Math.min(n, from + GRAIN);
      ExtArrays.batchInverse(w, from, to);
      for (int i = from; i < to; i++) {
        for (int k = 0; k < 4; k++) {
          w[4 * i + k] = BabyBear.mul(w[4 * i + k], powers[i]);
        }
      }
    });
    this.weights = w;
    this.scale = z.pow(n).sub(1).mul(BabyBear.inv(n));
  }

  /** Every column of {@code matrix} ({@code width} wide, 2^logRows rows) at z. */
  Ext4[] evaluate(int[] matrix, int width) {
    int n = 1 << logRows;
    if (width == 0) {
      return new Ext4[0];
    }
    int chunks = (n + GRAIN - 1) / GRAIN;
    long[][] partial = new long[chunks][];
    IntStream.range(0, chunks).parallel().forEach(c -> {
      long[] acc = new long[4 * width];
      for (int i = c * GRAIN, end = Math.min(n, (c + 1) * GRAIN); i < end; i++) {
        int row = i * width;
        for (int col = 0; col < width; col++) {
          long v = matrix[row + col];
          for (int k = 0; k < 4; k++) {
            long s = acc[4 * col + k] + v * weights[4 * i + k];
            acc[4 * col + k] = s >= ExtArrays.P2 ? s - ExtArrays.P2 : s;
          }
        }
      }
      partial[c] = acc;
    });
    Ext4[] out = new Ext4[width];
    for (int col = 0; col < width; col++) {
      int[] sum = new int[4];
      for (long[] acc : partial) {
        for (int k = 0; k < 4; k++) {
          sum[k] = BabyBear.add(sum[k], (int) (acc[4 * col + k] % ExtArrays.P));
        }
      }
      out[col] = Ext4.of(sum).mul(scale);
    }
    return out;
  }
}

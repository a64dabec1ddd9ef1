package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** The reference {@link ComputeBackend}: multi-threaded Java on a fork-join pool. */
public final class CpuBackend implements ComputeBackend {

  /** Rows (or nodes) per parallel task when hashing. */
  private static final int HASH_GRAIN = 1 << 10;

  private final Ntt ntt;
  private final Poseidon2Hash hash;
  private final ForkJoinPool pool;

  public CpuBackend() {
    this(ForkJoinPool.commonPool());
  }

  public CpuBackend(ForkJoinPool pool) {
    this.pool = pool;
    this.ntt = Ntt.on(pool);
    this.hash = Poseidon2Hash.babyBear();
  }

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public int[] cosetLde(int[] evaluations, int width, int logHeight, int logBlowup, int shift) {
    if (logHeight < 0 || logHeight > BabyBear.TWO_ADICITY) {
      throw new IllegalArgumentException("log height " + logHeight + " out of range 0.." + BabyBear.TWO_ADICITY);
    }
    return ntt.cosetLde(evaluations, width, 1 << logHeight, logBlowup, shift);
  }

  @Override
  public int[] hashLeaves(int[][] matrices, int[] widths, int height) {
    if (matrices.length != widths.length) {
      throw new IllegalArgumentException(matrices.length + " matrices but " + widths.length + " widths");
    }
    for (int k = 0; k < matrices.length; k++) {
      if ((long) widths[k] * height > matrices[k].length) {
        throw new IllegalArgumentException("matrix " + k + " has " + matrices[k].length
            + " elements, fewer than " + widths[k] + " x " + height);
      }
    }
    int[] out = new int[height * Poseidon2Hash.DIGEST];
    // Batched hashing: many independent permutations side by side vectorise (docs/proof-system.md).
    parallelRanges(height, (from, to) -> hash.hashRows(matrices, widths, from, to, out, from * Poseidon2Hash.DIGEST));
    return out;
  }

  @Override
  public int[][] merkleLayers(int[] leafDigests, int logLeaves) {
    int d = Poseidon2Hash.DIGEST;
    if (logLeaves < 0 || logLeaves > 30 || leafDigests.length != d << logLeaves) {
      throw new IllegalArgumentException("expected 2^" + logLeaves + " leaf digests (" + ((long) d << logLeaves)
          + " ints), got " + leafDigests.length + " ints");
    }
    int[][] layers = new int[logLeaves + 1][];
    layers[0] = leafDigests.clone();
    for (int k = 1; k <= logLeaves; k++) {
      int[] below = layers[k - 1];
      int[] layer = new int[d << (logLeaves - k)];
      parallelRanges(layer.length / d, (from, to) -> hash.compressPairs(below, 2 * from * d, to - from, layer, from * d));
      layers[k] = layer;
    }
    return layers;
  }

  @Override
  public int[] compressPairs(int[] digests) {
    int d = Poseidon2Hash.DIGEST;
    if (digests.length % (2 * d) != 0) {
      throw new IllegalArgumentException("expected pairs of digests, got " + digests.length + " ints");
    }
    int[] out = new int[digests.length / 2];
    parallelRanges(out.length / d, (from, to) -> hash.compressPairs(digests, 2 * from * d, to - from, out, from * d));
    return out;
  }

  @Override
  public int[] foldFri(int[] codeword, int logSize, int shift, int[] beta) {
    if (logSize < 1 || codeword.length != 4 << logSize) {
      throw new IllegalArgumentException("FRI fold needs 2^" + logSize + " Ext4 values (" + (4L << logSize)
          + " ints), got " + codeword.length + " ints");
    }
    if (beta.length != 4) {
      throw new IllegalArgumentException("beta must be an Ext4 value of 4 ints, got " + beta.length);
    }
    Ext4 b = Ext4.of(beta);
    int half = 1 << (logSize - 1);
    int logHalf = logSize - 1;
    int[] out = new int[4 * half];
    // Row pair i sits at x = shift * W^bitrev(2i) = shift * W^bitrev_{logSize-1}(i), so
    // 1/(2x) = invTwoShift * W^-j with j = bitrev_{logSize-1}(i); powers of W^-1 in natural order.
    int[] wInvPowers = new int[half];
    int wInv = BabyBear.inv(BabyBear.twoAdicGenerator(logSize));
    wInvPowers[0] = BabyBear.inv(BabyBear.mul(2, shift));
    for (int j = 1; j < half; j++) {
      wInvPowers[j] = BabyBear.mul(wInvPowers[j - 1], wInv);
    }
    int inv2 = BabyBear.inv(2);
    parallelRanges(half, (from, to) -> {
      for (int i = from; i < to; i++) {
        int invTwoX = wInvPowers[BitReversal.reverse(i, logHalf)];
        int k = 8 * i;
        Ext4 fx = new Ext4(codeword[k], codeword[k + 1], codeword[k + 2], codeword[k + 3]);
        Ext4 fnx = new Ext4(codeword[k + 4], codeword[k + 5], codeword[k + 6], codeword[k + 7]);
        Ext4 g = fx.add(fnx).mul(inv2).add(b.mul(fx.sub(fnx).mul(invTwoX)));
        out[4 * i] = g.a0();
        out[4 * i + 1] = g.a1();
        out[4 * i + 2] = g.a2();
        out[4 * i + 3] = g.a3();
      }
    });
    return out;
  }

  /** Runs {@code body} over [0, n) in chunks on the pool. */
  private void parallelRanges(int n, RangeBody body) {
    int chunks = (n + HASH_GRAIN - 1) / HASH_GRAIN;
    if (chunks <= 1) {
      body.run(0, n);
      return;
    }
    pool.submit(() -> IntStream.range(0, chunks).parallel()
        .forEach(c -> body.run(c * HASH_GRAIN, Math.min(n, (c + 1) * HASH_GRAIN)))).join();
  }

  @FunctionalInterface
  private interface RangeBody {
    void run(int from, int to);
  }
}

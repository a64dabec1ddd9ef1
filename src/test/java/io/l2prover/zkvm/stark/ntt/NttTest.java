package io.l2prover.zkvm.stark.ntt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NttTest {

  private static int[] random(Random rnd, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(BabyBear.P);
    }
    return v;
  }

  /** y[i] = sum_j x[j] w^(ij) for column c of a row-major matrix, evaluated directly. */
  private static int naiveDftAt(int[] m, int width, int height, int c, int i) {
    int w = BabyBear.pow(BabyBear.twoAdicGenerator(Integer.numberOfTrailingZeros(height)), i);
    return evalPoly(m, width, height, c, w);
  }

  /** Horner evaluation of column c's coefficients at x. */
  private static int evalPoly(int[] m, int width, int height, int c, int x) {
    int acc = 0;
    for (int j = height - 1; j >= 0; j--) {
      acc = BabyBear.add(BabyBear.mul(acc, x), m[j * width + c]);
    }
    return acc;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void forwardMatchesNaiveDft(int log) {
    Random rnd = new Random(log);
    int height = 1 << log;
    for (int width : new int[] {1, 3, 16}) {
      int[] x = random(rnd, width * height);
      int[] y = x.clone();
      Ntt.sequential().forward(y, width, height);
      for (int i = 0; i < height; i++) {
        for (int c = 0; c < width; c++) {
          assertThat(y[i * width + c]).as("row %d col %d", i, c).isEqualTo(naiveDftAt(x, width, height, c, i));
        }
      }
      Ntt.sequential().inverse(y, width, height);
      assertThat(y).isEqualTo(x);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {14, 17, 20})
  void largeSizesRoundTripAndMatchNaiveAtSampledPoints(int log) {
    Random rnd = new Random(100 + log);
    int height = 1 << log;
    int width = log == 20 ? 1 : 4;
    int[] x = random(rnd, width * height);
    int[] y = x.clone();
    Ntt.parallel().forward(y, width, height);
    for (int k = 0; k < 3; k++) {
      int i = rnd.nextInt(height);
      for (int c = 0; c < width; c++) {
        assertThat(y[i * width + c]).isEqualTo(naiveDftAt(x, width, height, c, i));
      }
    }
    int[] seq = x.clone();
    Ntt.sequential().forward(seq, width, height);
    assertThat(seq).isEqualTo(y);
    Ntt.parallel().inverse(y, width, height);
    assertThat(y).isEqualTo(x);
  }

  /**
   * Wide and narrow matrices above the cache block, with an odd and an even number of levels:
   * the radix-4 sweeps (two levels per pass) of the sequential and the forked paths match the
   * naive DFT at sampled rows, and the inverse undoes them.
   */
  @ParameterizedTest
  @ValueSource(ints = {13, 14})
  void radix4LevelsAboveTheCacheBlockMatchNaiveDft(int log) {
    Random rnd = new Random(400 + log);
    int height = 1 << log;
    for (int width : new int[] {8, 16, 20}) {
      int[] x = random(rnd, width * height);
      for (Ntt ntt : new Ntt[] {Ntt.sequential(), Ntt.parallel()}) {
        int[] y = x.clone();
        ntt.forward(y, width, height);
        for (int k = 0; k < 4; k++) {
          int i = k == 0 ? height - 1 : rnd.nextInt(height);
          for (int c = 0; c < width; c++) {
            assertThat(y[i * width + c]).as("width %d row %d col %d", width, i, c)
                .isEqualTo(naiveDftAt(x, width, height, c, i));
          }
        }
        ntt.inverse(y, width, height);
        assertThat(y).isEqualTo(x);
      }
    }
  }

  @Test
  void wideMatrixParallelEqualsSequential() {
    Random rnd = new Random(7);
    int width = 37;
    int height = 1 << 12;
    int[] x = random(rnd, width * height);
    int[] a = x.clone();
    int[] b = x.clone();
    Ntt.parallel().forwardToBitReversed(a, width, height);
    Ntt.sequential().forwardToBitReversed(b, width, height);
    assertThat(a).isEqualTo(b);
    Ntt.parallel().inverseFromBitReversed(a, width, height);
    assertThat(a).isEqualTo(x);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 8, 12})
  void cosetLdeEvaluatesTheInterpolantOnTheShiftedDomainInBitReversedOrder(int log) {
    Random rnd = new Random(200 + log);
    int height = 1 << log;
    int width = 3;
    int logBlowup = 2;
    int shift = BabyBear.GENERATOR;
    int[] evals = random(rnd, width * height);
    int[] coeffs = evals.clone();
    Ntt.sequential().inverse(coeffs, width, height);
    int[] lde = Ntt.parallel().cosetLde(evals, width, height, logBlowup, shift);
    int bigLog = log + logBlowup;
    int bigHeight = 1 << bigLog;
    assertThat(lde).hasSize(width * bigHeight);
    int root = BabyBear.twoAdicGenerator(bigLog);
    int samples = Math.min(bigHeight, 64);
    for (int k = 0; k < samples; k++) {
      int i = k * (bigHeight / samples) + (k % (bigHeight / samples));
      int x = BabyBear.mul(shift, BabyBear.pow(root, BitReversal.reverse(i, bigLog)));
      for (int c = 0; c < width; c++) {
        assertThat(lde[i * width + c]).isEqualTo(evalPoly(coeffs, width, height, c, x));
      }
    }
  }

  /**
   * The LDE skips the first logBlowup levels of its forward transform (they only copy and twist
   * a zero-padded input): it must equal the full transform of the padded, shifted coefficients,
   * for narrow rows (scalar loops), wide rows (SIMD loops), one row, and sizes that fork.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void cosetLdeEqualsTheFullTransformOfThePaddedShiftedCoefficients(int logBlowup) {
    Random rnd = new Random(300 + logBlowup);
    int shift = BabyBear.GENERATOR;
    for (int width : new int[] {1, 5, 16, 33}) {
      for (int log : new int[] {0, 1, 4, 12}) {
        int height = 1 << log;
        int[] evals = random(rnd, width * height);
        int[] padded = new int[(width * height) << logBlowup];
        System.arraycopy(evals, 0, padded, 0, evals.length);
        Ntt.sequential().inverse(padded, width, height);
        int factor = 1;
        for (int r = 0; r < height; r++) {
          for (int c = 0; c < width; c++) {
            padded[r * width + c] = BabyBear.mul(padded[r * width + c], factor);
          }
          factor = BabyBear.mul(factor, shift);
        }
        Ntt.sequential().forwardToBitReversed(padded, width, height << logBlowup);
        assertThat(Ntt.parallel().cosetLde(evals, width, height, logBlowup, shift))
            .as("width %d, 2^%d rows", width, log).isEqualTo(padded);
        assertThat(Ntt.sequential().cosetLde(evals, width, height, logBlowup, shift))
            .as("width %d, 2^%d rows, sequential", width, log).isEqualTo(padded);
      }
    }
  }

  @Test
  void cosetLdeLeavesInputUntouched() {
    int[] evals = {1, 2, 3, 4};
    Ntt.sequential().cosetLde(evals, 1, 4, 1, 7);
    assertThat(evals).containsExactly(1, 2, 3, 4);
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> Ntt.sequential().forward(new int[6], 1, 6))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> Ntt.sequential().forward(new int[6], 2, 4))
        .hasMessageContaining("smaller");
    assertThatThrownBy(() -> Ntt.sequential().cosetLde(new int[4], 1, 4, 26, 7))
        .hasMessageContaining("two-adic");
  }
}

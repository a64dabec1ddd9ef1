package io.l2prover.zkvm.stark.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import io.l2prover.zkvm.stark.ntt.Ntt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CpuBackendTest {

  private final CpuBackend backend = new CpuBackend();
  private final Random rnd = new Random(5);

  private Ext4 randomExt() {
    return new Ext4(rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P));
  }

  private static Ext4 evalExt(Ext4[] coeffs, int x) {
    Ext4 acc = Ext4.ZERO;
    for (int j = coeffs.length - 1; j >= 0; j--) {
      acc = acc.mul(x).add(coeffs[j]);
    }
    return acc;
  }

  /**
   * Folding f = e(X^2) + X o(X^2) with beta gives e + beta o: check on the documented domain and
   * ordering, with the folded codeword evaluated independently.
   */
  @Test
  void friFoldComputesEvenPlusBetaTimesOdd() {
    int logSize = 6;
    int n = 1 << logSize;
    int degree = n / 4; // a blown-up codeword, as FRI sees it
    Ext4[] f = new Ext4[degree];
    for (int j = 0; j < degree; j++) {
      f[j] = randomExt();
    }
    int shift = BabyBear.GENERATOR;
    int root = BabyBear.twoAdicGenerator(logSize);
    int[] codeword = new int[4 * n];
    for (int i = 0; i < n; i++) {
      int x = BabyBear.mul(shift, BabyBear.pow(root, BitReversal.reverse(i, logSize)));
      System.arraycopy(evalExt(f, x).toArray(), 0, codeword, 4 * i, 4);
    }
    Ext4 beta = randomExt();
    int[] folded = backend.foldFri(codeword, logSize, shift, beta.toArray());
    Ext4[] g = new Ext4[degree / 2];
    for (int j = 0; j < degree / 2; j++) {
      g[j] = f[2 * j].add(beta.mul(f[2 * j + 1]));
    }
    int shift2 = BabyBear.mul(shift, shift);
    int root2 = BabyBear.mul(root, root);
    assertThat(folded).hasSize(4 * n / 2);
    for (int i = 0; i < n / 2; i++) {
      int y = BabyBear.mul(shift2, BabyBear.pow(root2, BitReversal.reverse(i, logSize - 1)));
      Ext4 got = new Ext4(folded[4 * i], folded[4 * i + 1], folded[4 * i + 2], folded[4 * i + 3]);
      assertThat(got).as("folded row %d", i).isEqualTo(evalExt(g, y));
    }
  }

  @Test
  void ldeMatchesTheNttAndLeavesInputAlone() {
    int width = 5;
    int logHeight = 7;
    int[] evals = new int[width << logHeight];
    for (int i = 0; i < evals.length; i++) {
      evals[i] = rnd.nextInt(BabyBear.P);
    }
    int[] copy = evals.clone();
    int[] lde = backend.cosetLde(evals, width, logHeight, 3, BabyBear.GENERATOR);
    assertThat(evals).isEqualTo(copy);
    assertThat(lde).isEqualTo(Ntt.sequential().cosetLde(evals, width, 1 << logHeight, 3, BabyBear.GENERATOR));
  }

  @Test
  void merkleLayersHaveTheDocumentedShape() {
    int[] leaves = backend.hashLeaves(new int[][] {new int[16 * 3]}, new int[] {3}, 16);
    int[][] layers = backend.merkleLayers(leaves, 4);
    assertThat(layers).hasNumberOfRows(5);
    assertThat(layers[0]).isEqualTo(leaves);
    assertThat(layers[4]).hasSize(8);
    assertThatThrownBy(() -> backend.merkleLayers(leaves, 3)).hasMessageContaining("leaf digests");
  }

  @Test
  void rejectsBadFoldInput() {
    assertThatThrownBy(() -> backend.foldFri(new int[12], 2, 1, new int[4])).hasMessageContaining("Ext4");
    assertThatThrownBy(() -> backend.foldFri(new int[16], 2, 1, new int[3])).hasMessageContaining("beta");
  }
}

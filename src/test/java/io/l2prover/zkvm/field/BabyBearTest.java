package io.l2prover.zkvm.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BabyBearTest {

  @Test
  void knownProduct() {
    assertThat(BabyBear.mul(0x34167c58, 0x61f3207b)).isEqualTo(0x1b5c8046);
  }

  @Test
  void twoAdicRootHasExactOrder() {
    int g = BabyBear.TWO_ADIC_ROOT;
    assertThat(BabyBear.pow(g, 1L << 27)).isEqualTo(1);
    assertThat(BabyBear.pow(g, 1L << 26)).isEqualTo(BabyBear.P - 1);
    assertThat(BabyBear.pow(BabyBear.GENERATOR, 15)).isEqualTo(g);
  }

  /** Plonky3 baby-bear/src/baby_bear.rs, TWO_ADIC_GENERATORS: entry k generates the subgroup of order 2^k. */
  @Test
  void twoAdicGeneratorsMatchPlonky3Table() {
    int[] plonky3 = {
      0x1, 0x78000000, 0x67055c21, 0x5ee99486, 0xbb4c4e4, 0x2d4cc4da, 0x669d6090, 0x17b56c64,
      0x67456167, 0x688442f9, 0x145e952d, 0x4fe61226, 0x4c734715, 0x11c33e2a, 0x62c3d2b1,
      0x77cad399, 0x54c131f4, 0x4cabd6a6, 0x5cf5713f, 0x3e9430e8, 0xba067a3, 0x18adc27d,
      0x21fd55bc, 0x4b859b3d, 0x3bd57996, 0x4483d85a, 0x3a26eef8, 0x1a427a41
    };
    for (int k = 0; k <= BabyBear.TWO_ADICITY; k++) {
      assertThat(BabyBear.twoAdicGenerator(k)).as("2^%d-th root", k).isEqualTo(plonky3[k]);
    }
    assertThatThrownBy(() -> BabyBear.twoAdicGenerator(28)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Plonky3's DTH_ROOT for the quartic extension: 11^((p-1)/4), the Frobenius twist. */
  @Test
  void frobeniusTwistMatchesPlonky3() {
    assertThat(BabyBear.pow(Ext4.W, (BabyBear.P - 1L) / 4)).isEqualTo(1728404513);
    Ext4 x = new Ext4(5, 6, 7, 8);
    assertThat(x.frobenius()).isEqualTo(x.pow(BabyBear.P));
  }

  @Test
  void montgomeryHelpersAgreeWithPlainProducts() {
    Random rnd = new Random(6);
    int[] edges = {0, 1, 2, BabyBear.P - 2, BabyBear.P - 1};
    for (int i = 0; i < 200_000; i++) {
      int a = i < 25 ? edges[i % 5] : rnd.nextInt(BabyBear.P);
      int c = i < 25 ? edges[i / 5] : rnd.nextInt(BabyBear.P);
      assertThat(Montgomery.mulByPrepared(a, Montgomery.toMontgomery(c))).isEqualTo(BabyBear.mul(a, c));
    }
  }

  @Test
  void addSubMulAgreeWithBigArithmetic() {
    Random rnd = new Random(1);
    for (int i = 0; i < 100_000; i++) {
      int a = rnd.nextInt(BabyBear.P);
      int b = rnd.nextInt(BabyBear.P);
      assertThat(BabyBear.add(a, b)).isEqualTo((int) (((long) a + b) % BabyBear.P));
      assertThat(BabyBear.sub(a, b)).isEqualTo((int) Math.floorMod((long) a - b, (long) BabyBear.P));
      assertThat(BabyBear.mul(a, b)).isEqualTo((int) (((long) a * b) % BabyBear.P));
    }
    assertThat(BabyBear.add(BabyBear.P - 1, BabyBear.P - 1)).isEqualTo(BabyBear.P - 2);
  }

  @Test
  void inverseAndBatchInverse() {
    Random rnd = new Random(2);
    int[] v = new int[257];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1 + rnd.nextInt(BabyBear.P - 1);
    }
    int[] out = new int[v.length];
    BabyBear.batchInverse(v, out);
    for (int i = 0; i < v.length; i++) {
      assertThat(BabyBear.mul(v[i], out[i])).isEqualTo(1);
      assertThat(BabyBear.inv(v[i])).isEqualTo(out[i]);
    }
    assertThatThrownBy(() -> BabyBear.inv(0)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void extensionFieldAxioms() {
    Random rnd = new Random(3);
    for (int i = 0; i < 2000; i++) {
      Ext4 a = random(rnd);
      Ext4 b = random(rnd);
      Ext4 c = random(rnd);
      assertThat(a.mul(b)).isEqualTo(b.mul(a));
      assertThat(a.mul(b.add(c))).isEqualTo(a.mul(b).add(a.mul(c)));
      assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
      if (!a.isZero()) {
        assertThat(a.mul(a.inv())).isEqualTo(Ext4.ONE);
      }
    }
    // X^4 = 11
    Ext4 x = new Ext4(0, 1, 0, 0);
    assertThat(x.pow(4)).isEqualTo(Ext4.of(11));
  }

  /** The product against the polynomial definition computed with BigInteger, extremes included. */
  @Test
  void extensionProductMatchesPolynomialArithmetic() {
    Random rnd = new Random(8);
    java.math.BigInteger p = java.math.BigInteger.valueOf(BabyBear.P);
    for (int i = 0; i < 20_000; i++) {
      Ext4 a = i % 3 == 0 ? new Ext4(BabyBear.P - 1, BabyBear.P - 1, BabyBear.P - 1, BabyBear.P - 1) : random(rnd);
      Ext4 b = i % 5 == 0 ? new Ext4(BabyBear.P - 1, BabyBear.P - 2, BabyBear.P - 1, BabyBear.P - 1) : random(rnd);
      int[] x = a.toArray();
      int[] y = b.toArray();
      java.math.BigInteger[] c = new java.math.BigInteger[7];
      java.util.Arrays.fill(c, java.math.BigInteger.ZERO);
      for (int u = 0; u < 4; u++) {
        for (int v = 0; v < 4; v++) {
          c[u + v] = c[u + v].add(java.math.BigInteger.valueOf(x[u]).multiply(java.math.BigInteger.valueOf(y[v])));
        }
      }
      int[] expected = new int[4];
      for (int k = 0; k < 4; k++) {
        java.math.BigInteger folded = k + 4 < 7 ? c[k].add(c[k + 4].multiply(java.math.BigInteger.valueOf(Ext4.W))) : c[k];
        expected[k] = folded.mod(p).intValueExact();
      }
      assertThat(a.mul(b)).isEqualTo(Ext4.of(expected));
    }
  }

  private static Ext4 random(Random rnd) {
    return new Ext4(rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P));
  }
}

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

  private static Ext4 random(Random rnd) {
    return new Ext4(rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P), rnd.nextInt(BabyBear.P));
  }
}

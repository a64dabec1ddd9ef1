package io.l2prover.zkvm.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MontgomeryLanesTest {

  private static final int P = BabyBear.P;
  /** At the edges of the 16-bit split and of the field. */
  private static final int[] EDGES = {0, 1, 2, 0xFFFF, 0x10000, 0x10001, P / 2, (1 << 30) - 1, 1 << 30, P - 2, P - 1};

  @Test
  void productsByAConstantMatchTheLongFormOnEdgesAndRandomValues() {
    Random rnd = new Random(5);
    int n = 100;
    int[] high = new int[n];
    for (int trial = 0; trial < 500; trial++) {
      int[] x = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = i < EDGES.length ? EDGES[i] : rnd.nextInt(P);
      }
      int c = trial < EDGES.length ? EDGES[trial] : rnd.nextInt(P);
      int[] scaled = x.clone();
      MontgomeryLanes.timesPrepared(scaled, Montgomery.toMontgomery(c), n, high);
      for (int i = 0; i < n; i++) {
        assertThat(scaled[i]).as("%d * %d", x[i], c).isEqualTo(BabyBear.mul(x[i], c));
      }
    }
  }
}

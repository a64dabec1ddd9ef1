package io.l2prover.zkvm.stark.ntt;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Montgomery;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowPairTest {

  private static final int P = BabyBear.P;
  /** Values at the edges of the 16-bit split and of the field, then random ones. */
  private static final int[] EDGES = {0, 1, 2, 0xFFFF, 0x10000, 0x10001, P / 2, (1 << 30) - 1, 1 << 30, P - 2, P - 1};

  @Test
  void butterfliesMatchTheLongMontgomeryProductOnEdgesAndRandomValues() {
    Random rnd = new Random(11);
    int width = 64;
    RowPair rows = new RowPair(width);
    for (int trial = 0; trial < 2_000; trial++) {
      int w = trial < EDGES.length ? EDGES[trial] : rnd.nextInt(P);
      int[] a = new int[2 * width];
      for (int i = 0; i < a.length; i++) {
        a[i] = i < EDGES.length ? EDGES[i] : i < 2 * EDGES.length ? EDGES[i - EDGES.length] : rnd.nextInt(P);
      }
      int[] dif = a.clone();
      rows.dif(dif, 0, width, w, false);
      int[] dit = a.clone();
      rows.dit(dit, 0, width, w, false);
      int[] one = a.clone();
      rows.dif(one, 0, width, w, true);
      for (int c = 0; c < width; c++) {
        int u = a[c];
        int v = a[width + c];
        int vw = Montgomery.reduce((long) v * w);
        assertThat(dif[c]).isEqualTo(BabyBear.add(u, v));
        assertThat(dif[width + c]).as("w=%d u=%d v=%d", w, u, v)
            .isEqualTo(Montgomery.reduce((long) BabyBear.sub(u, v) * w));
        assertThat(dit[c]).isEqualTo(BabyBear.add(u, vw));
        assertThat(dit[width + c]).isEqualTo(BabyBear.sub(u, vw));
        assertThat(one[width + c]).isEqualTo(BabyBear.sub(u, v));
      }
    }
  }
}

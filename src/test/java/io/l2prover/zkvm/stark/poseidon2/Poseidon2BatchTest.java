package io.l2prover.zkvm.stark.poseidon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batched paths give exactly the one-at-a-time results. */
class Poseidon2BatchTest {

  private static final long P = BabyBear.P;
  private final Poseidon2 perm = Poseidon2.babyBear();
  private final Poseidon2Hash hash = Poseidon2Hash.babyBear();

  @Test
  void permuteAllMatchesPermuteForEveryCountAndOffset() {
    Random rnd = new Random(11);
    for (int count : new int[] {0, 1, 7, 8, 9, 127, 128, 129, 300}) {
      int offset = rnd.nextInt(5);
      int[] states = new int[offset + 16 * count + 3];
      for (int i = 0; i < states.length; i++) {
        states[i] = switch (i % 5) {
          case 0 -> BabyBear.P - 1 - rnd.nextInt(3);
          case 1 -> rnd.nextInt(3);
          default -> rnd.nextInt(BabyBear.P);
        };
      }
      int[] expected = states.clone();
      for (int j = 0; j < count; j++) {
        int[] one = Arrays.copyOfRange(expected, offset + 16 * j, offset + 16 * j + 16);
        perm.permute(one);
        System.arraycopy(one, 0, expected, offset + 16 * j, 16);
      }
      perm.permuteAll(states, offset, count);
      assertThat(states).as("count %d", count).isEqualTo(expected);
    }
  }

  @Test
  void batchKernelMatchesTheKnownAnswer() {
    int[] kat = {
      894848333, 1437655012, 1200606629, 1690012884, 71131202, 1749206695, 1717947831, 120589055,
      19776022, 42382981, 1831865506, 724844064, 171220207, 1299207443, 227047920, 1783754913
    };
    int[] states = new int[16 * 40];
    for (int j = 0; j < 40; j++) {
      System.arraycopy(kat, 0, states, 16 * j, 16);
    }
    perm.permuteAll(states, 0, 40);
    assertThat(Arrays.copyOfRange(states, 16 * 39, 16 * 40)).containsExactly(
        516096821, 90309867, 1101817252, 1660784290, 360715097, 1789519026, 1788910906, 563338433,
        319524748, 1741414159, 1650859320, 894311162, 1121347488, 1692793758, 1052633829, 1344246938);
  }

  @Test
  void permuteAllRejectsRangesOutsideTheArray() {
    assertThatThrownBy(() -> perm.permuteAll(new int[31], 0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 states");
    assertThatThrownBy(() -> perm.permuteAll(new int[32], -1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> perm.permuteAll(new int[32], 0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashRowsMatchesHashRow() {
    Random rnd = new Random(12);
    int[][] shapes = {{8}, {16}, {0}, {3, 0, 10, 5}, {1}, {7, 9, 24}};
    for (int[] widths : shapes) {
      int rows = 300;
      int[][] matrices = new int[widths.length][];
      for (int k = 0; k < widths.length; k++) {
        matrices[k] = rnd.ints(rows * widths[k], 0, BabyBear.P).toArray();
      }
      for (int[] range : new int[][] {{5, 290}, {0, 20}}) {
        assertRowsMatch(matrices, widths, range[0], range[1]);
      }
    }
  }

  /** Rows from .. to - 1 hashed side by side (a short range goes row by row) equal hashRow's digests. */
  private void assertRowsMatch(int[][] matrices, int[] widths, int from, int to) {
    int[] batched = new int[8 * (to - from) + 4];
    hash.hashRows(matrices, widths, from, to, batched, 4);
    for (int r = from; r < to; r++) {
      int[] single = new int[8];
      hash.hashRow(matrices, widths, r, single, 0);
      assertThat(Arrays.copyOfRange(batched, 4 + 8 * (r - from), 12 + 8 * (r - from)))
          .as("widths %s rows %d..%d row %d", Arrays.toString(widths), from, to, r).isEqualTo(single);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 128, 261})
  void compressPairsMatchesCompress(int count) {
    Random rnd = new Random(13 + count);
    int[] digests = rnd.ints(16 * count + 8, 0, BabyBear.P).toArray();
    int[] out = new int[8 * count];
    hash.compressPairs(digests, 8, count, out, 0);
    for (int j = 0; j < count; j++) {
      int[] single = new int[8];
      hash.compress(digests, 8 + 16 * j, digests, 16 + 16 * j, single, 0);
      assertThat(Arrays.copyOfRange(out, 8 * j, 8 * j + 8)).isEqualTo(single);
    }
  }
}

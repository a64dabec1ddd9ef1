package io.l2prover.zkvm.stark.poseidon2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Poseidon2HashTest {

  private final Poseidon2Hash hash = Poseidon2Hash.babyBear();
  private final Poseidon2 perm = Poseidon2.babyBear();

  @Test
  void spongeOverwritesTheRateAndPermutesPerChunk() {
    int[] input = new int[11];
    for (int i = 0; i < input.length; i++) {
      input[i] = 1000 + i;
    }
    int[] state = new int[16];
    System.arraycopy(input, 0, state, 0, 8);
    perm.permute(state);
    System.arraycopy(input, 8, state, 0, 3); // state[3..16) is kept
    perm.permute(state);
    assertThat(hash.hash(input)).isEqualTo(Digest.of(Arrays.copyOf(state, 8)));
  }

  @Test
  void emptyInputHashesToZero() {
    assertThat(hash.hash(new int[0])).isEqualTo(Digest.of(new int[8]));
  }

  @Test
  void rowOfSeveralMatricesHashesAsTheirConcatenation() {
    int[] a = {1, 2, 3, 4, 5, 6};       // 2 rows x 3
    int[] b = {7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}; // 2 rows x 7
    int[] out = new int[8];
    hash.hashRow(new int[][] {a, b}, new int[] {3, 7}, 1, out, 0);
    assertThat(Digest.of(out)).isEqualTo(hash.hash(new int[] {4, 5, 6, 14, 15, 16, 17, 18, 19, 20}));
  }

  @Test
  void compressionIsTruncatedPermutationOfTheConcatenation() {
    int[] state = new int[16];
    for (int i = 0; i < 16; i++) {
      state[i] = 3 * i + 1;
    }
    Digest left = Digest.of(state, 0);
    Digest right = Digest.of(state, 8);
    perm.permute(state);
    assertThat(hash.compress(left, right)).isEqualTo(Digest.of(state, 0));
    assertThat(hash.compress(right, left)).isNotEqualTo(hash.compress(left, right));
  }
}

package io.l2prover.zkvm.stark.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One tree over matrices of three heights: every path opens one row of each, and nothing else verifies. */
class MixedMerkleTreeTest {

  private static final int[] WIDTHS = {3, 5, 2, 7};
  private static final int[] LOG_HEIGHTS = {6, 3, 6, 1};
  private static final int[] LEAVES = {0, 5, 9, 40, 41, 63};

  private final Random rnd = new Random(5);
  private final int[][] matrices = new int[WIDTHS.length][];
  private final MixedMerkleTree tree;
  private final MerkleVerifier verifier = new MerkleVerifier();

  MixedMerkleTreeTest() {
    for (int k = 0; k < matrices.length; k++) {
      matrices[k] = new int[WIDTHS[k] << LOG_HEIGHTS[k]];
      for (int i = 0; i < matrices[k].length; i++) {
        matrices[k][i] = rnd.nextInt(BabyBear.P);
      }
    }
    tree = MixedMerkleTree.commit(new CpuBackend(), matrices, WIDTHS, LOG_HEIGHTS);
  }

  private List<int[][]> rows() {
    List<int[][]> rows = new ArrayList<>();
    for (int k = 0; k < WIDTHS.length; k++) {
      rows.add(tree.rows(k, LEAVES));
    }
    return rows;
  }

  private void verify(Digest root, List<int[][]> rows, List<Digest> siblings) {
    verifier.verifyMixed(root, WIDTHS, LOG_HEIGHTS, LEAVES, rows, siblings);
  }

  @Test
  void rootIsComputedFromTheDefinition() {
    Poseidon2Hash h = Poseidon2Hash.babyBear();
    List<Digest> level = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      level.add(rowHash(h, new int[] {0, 2}, i));
    }
    for (int l = 1; l <= 6; l++) {
      List<Digest> up = new ArrayList<>();
      for (int i = 0; i < level.size() / 2; i++) {
        Digest node = h.compress(level.get(2 * i), level.get(2 * i + 1));
        if (l == 3) {
          node = h.compress(node, rowHash(h, new int[] {1}, i));
        } else if (l == 5) {
          node = h.compress(node, rowHash(h, new int[] {3}, i));
        }
        up.add(node);
      }
      level = up;
    }
    assertThat(tree.root()).isEqualTo(level.get(0));
  }

  private Digest rowHash(Poseidon2Hash h, int[] which, int row) {
    int[][] m = new int[which.length][];
    int[] w = new int[which.length];
    for (int j = 0; j < which.length; j++) {
      w[j] = WIDTHS[which[j]];
      m[j] = Arrays.copyOfRange(matrices[which[j]], row * w[j], row * w[j] + w[j]);
    }
    int[] out = new int[Digest.ELEMENTS];
    h.hashRow(m, w, 0, out, 0);
    return Digest.of(out);
  }

  @Test
  void anHonestOpeningVerifies() {
    assertThat(tree.rows(1, LEAVES)).hasNumberOfRows(4); // 0, 5, 9, 40, 41, 63 >> 3: 0, 1, 5, 7
    assertThatCode(() -> verify(tree.root(), rows(), tree.siblings(LEAVES))).doesNotThrowAnyException();
  }

  @Test
  void aShortMatrixRowSwappedForAnotherIsRejected() {
    List<int[][]> rows = rows();
    int[][] shortRows = rows.get(1).clone();
    int[] tmp = shortRows[1];
    shortRows[1] = shortRows[2];
    shortRows[2] = tmp;
    rows.set(1, shortRows);
    assertThatThrownBy(() -> verify(tree.root(), rows, tree.siblings(LEAVES)))
        .isInstanceOf(InvalidOpeningException.class).hasMessageContaining("does not reach the committed root");
  }

  @Test
  void oneChangedValueAWrongSiblingOrWrongShapeIsRejected() {
    for (int k = 0; k < WIDTHS.length; k++) {
      List<int[][]> rows = rows();
      int[][] changed = rows.get(k).clone();
      changed[0] = changed[0].clone();
      changed[0][0] = BabyBear.add(changed[0][0], 1);
      rows.set(k, changed);
      assertThatThrownBy(() -> verify(tree.root(), rows, tree.siblings(LEAVES))).as("matrix %d", k)
          .isInstanceOf(InvalidOpeningException.class);
    }
    List<Digest> siblings = new ArrayList<>(tree.siblings(LEAVES));
    siblings.set(siblings.size() - 1, siblings.get(0));
    assertThatThrownBy(() -> verify(tree.root(), rows(), siblings)).isInstanceOf(InvalidOpeningException.class);
    List<Digest> extra = new ArrayList<>(tree.siblings(LEAVES));
    extra.add(tree.root());
    assertThatThrownBy(() -> verify(tree.root(), rows(), extra)).isInstanceOf(InvalidOpeningException.class)
        .hasMessageContaining("more siblings");
    List<int[][]> missing = rows();
    missing.set(3, new int[0][]);
    assertThatThrownBy(() -> verify(tree.root(), missing, tree.siblings(LEAVES)))
        .isInstanceOf(InvalidOpeningException.class).hasMessageContaining("rows of matrix 3");
    // The tall matrix 2 claimed one level shorter (its first rows hashed in at level 1) does not verify.
    List<int[][]> shorter = rows();
    shorter.set(2, Arrays.copyOf(shorter.get(2), 5)); // 0, 5, 9, 40, 41, 63 >> 1: 0, 2, 4, 20, 31
    assertThatThrownBy(() -> verifier.verifyMixed(tree.root(), WIDTHS, new int[] {6, 3, 5, 1}, LEAVES, shorter,
        tree.siblings(LEAVES))).isInstanceOf(InvalidOpeningException.class);
  }
}

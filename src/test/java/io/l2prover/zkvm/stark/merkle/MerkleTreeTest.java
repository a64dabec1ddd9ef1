package io.l2prover.zkvm.stark.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final int[] WIDTHS = {3, 9};
  private static final int LOG_HEIGHT = 5;
  private static final int HEIGHT = 1 << LOG_HEIGHT;

  private final Random rnd = new Random(11);
  private final int[][] matrices = {random(WIDTHS[0] * HEIGHT), random(WIDTHS[1] * HEIGHT)};
  private final MerkleTree tree = MerkleTree.commit(new CpuBackend(), matrices, WIDTHS, HEIGHT);
  private final MerkleVerifier verifier = new MerkleVerifier();

  private int[] random(int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(BabyBear.P);
    }
    return v;
  }

  @Test
  void rootIsTheHashOfLeavesAndNodesComputedDirectly() {
    Poseidon2Hash h = Poseidon2Hash.babyBear();
    List<Digest> layer = new ArrayList<>();
    for (int r = 0; r < HEIGHT; r++) {
      int[] row = new int[WIDTHS[0] + WIDTHS[1]];
      System.arraycopy(matrices[0], r * WIDTHS[0], row, 0, WIDTHS[0]);
      System.arraycopy(matrices[1], r * WIDTHS[1], row, WIDTHS[0], WIDTHS[1]);
      layer.add(h.hash(row));
    }
    while (layer.size() > 1) {
      List<Digest> up = new ArrayList<>();
      for (int i = 0; i < layer.size(); i += 2) {
        up.add(h.compress(layer.get(i), layer.get(i + 1)));
      }
      layer = up;
    }
    assertThat(tree.root()).isEqualTo(layer.get(0));
  }

  @Test
  void everySingleOpeningVerifies() {
    for (int i = 0; i < HEIGHT; i++) {
      MerkleOpening o = tree.open(i);
      assertThat(o.rows().get(1)).isEqualTo(tree.row(1, i));
      assertThatCode(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT, o)).doesNotThrowAnyException();
    }
  }

  @Test
  void singleOpeningRejectsWrongSiblingIndexLeafAndRoot() {
    MerkleOpening good = tree.open(13);
    for (int s = 0; s < LOG_HEIGHT; s++) {
      List<Digest> sib = new ArrayList<>(good.siblings());
      int[] d = sib.get(s).toArray();
      d[s % 8] = BabyBear.add(d[s % 8], 1);
      sib.set(s, Digest.of(d));
      MerkleOpening bad = new MerkleOpening(13, good.rows(), sib);
      assertThatThrownBy(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT, bad))
          .isInstanceOf(InvalidOpeningException.class);
    }
    for (int wrongIndex : new int[] {12, 14, 29, -1, HEIGHT}) {
      MerkleOpening bad = new MerkleOpening(wrongIndex, good.rows(), good.siblings());
      assertThatThrownBy(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT, bad))
          .isInstanceOf(InvalidOpeningException.class);
    }
    for (int k = 0; k < 2; k++) {
      for (int c = 0; c < WIDTHS[k]; c++) {
        List<int[]> rows = new ArrayList<>();
        rows.add(good.rows().get(0).clone());
        rows.add(good.rows().get(1).clone());
        rows.get(k)[c] = BabyBear.add(rows.get(k)[c], 1);
        MerkleOpening bad = new MerkleOpening(13, rows, good.siblings());
        assertThatThrownBy(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT, bad))
            .isInstanceOf(InvalidOpeningException.class);
      }
    }
    MerkleOpening shortPath = new MerkleOpening(13, good.rows(), good.siblings().subList(0, LOG_HEIGHT - 1));
    assertThatThrownBy(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT, shortPath))
        .hasMessageContaining("siblings");
    List<int[]> missingColumn = List.of(good.rows().get(0), new int[WIDTHS[1] - 1]);
    assertThatThrownBy(() -> verifier.verify(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleOpening(13, missingColumn, good.siblings()))).hasMessageContaining("expected 9");
    Digest otherRoot = tree.node(1, 0);
    assertThatThrownBy(() -> verifier.verify(otherRoot, WIDTHS, LOG_HEIGHT, good))
        .hasMessageContaining("root");
  }

  @Test
  void batchOpeningVerifiesAndSharesSiblings() {
    int[] indices = {5, 4, 31, 17, 5, 0};
    MerkleBatchOpening batch = tree.openBatch(indices);
    assertThat(batch.indices()).containsExactly(0, 4, 5, 17, 31);
    assertThat(batch.siblings().size()).isLessThan(5 * LOG_HEIGHT);
    assertThatCode(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT, batch)).doesNotThrowAnyException();
    MerkleBatchOpening all = tree.openBatch(java.util.stream.IntStream.range(0, HEIGHT).toArray());
    assertThat(all.siblings()).isEmpty();
    assertThatCode(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT, all)).doesNotThrowAnyException();
  }

  @Test
  void batchOpeningRejectsAnyTampering() {
    MerkleBatchOpening good = tree.openBatch(new int[] {3, 9, 10, 22});
    for (int s = 0; s < good.siblings().size(); s++) {
      List<Digest> sib = new ArrayList<>(good.siblings());
      int[] d = sib.get(s).toArray();
      d[0] = BabyBear.add(d[0], 1);
      sib.set(s, Digest.of(d));
      MerkleBatchOpening bad = new MerkleBatchOpening(good.indices(), good.rows(), sib);
      assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT, bad))
          .isInstanceOf(InvalidOpeningException.class);
    }
    int[] moved = good.indices();
    moved[2] = 11;
    assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleBatchOpening(moved, good.rows(), good.siblings()))).isInstanceOf(InvalidOpeningException.class);
    int[] unsorted = {9, 3, 10, 22};
    assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleBatchOpening(unsorted, good.rows(), good.siblings()))).hasMessageContaining("increasing");
    List<List<int[]>> rows = new ArrayList<>();
    for (List<int[]> r : good.rows()) {
      rows.add(List.of(r.get(0).clone(), r.get(1).clone()));
    }
    rows.get(3).get(1)[4] = BabyBear.add(rows.get(3).get(1)[4], 1);
    assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleBatchOpening(good.indices(), rows, good.siblings()))).isInstanceOf(InvalidOpeningException.class);
    List<Digest> extra = new ArrayList<>(good.siblings());
    extra.add(tree.root());
    assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleBatchOpening(good.indices(), good.rows(), extra))).hasMessageContaining("more siblings");
    List<Digest> fewer = good.siblings().subList(0, good.siblings().size() - 1);
    assertThatThrownBy(() -> verifier.verifyBatch(tree.root(), WIDTHS, LOG_HEIGHT,
        new MerkleBatchOpening(good.indices(), good.rows(), fewer))).hasMessageContaining("runs out");
  }

  @Test
  void rejectsBadShapesAtCommit() {
    assertThatThrownBy(() -> MerkleTree.commit(new CpuBackend(), new int[][] {new int[9]}, new int[] {3}, 3))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> MerkleTree.commit(new CpuBackend(), new int[][] {new int[8]}, new int[] {3}, 4))
        .hasMessageContaining("expected 3 x 4");
  }
}

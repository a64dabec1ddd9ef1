package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.merkle.InvalidOpeningException;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleVerifier;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import io.l2prover.zkvm.stark.proof.DeepLayout;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For the tables of one height (entering FRI at one layer): checks their trace openings at the
 * queried rows and computes their DEEP combination there, in {@link DeepLayout} order, as the
 * values FRI expects to enter that layer.
 */
final class DeepAtQueries {

  private final MerkleVerifier merkle = new MerkleVerifier();
  private final FriShape shape;
  private final int layer;
  private final int[] positions;
  private final Ext4 gamma;
  private final Ext4 zeta;

  DeepAtQueries(FriShape shape, int layer, int[] positions, Ext4 gamma, Ext4 zeta) {
    this.shape = shape;
    this.layer = layer;
    this.positions = Protocol.shifted(positions, layer);
    this.gamma = gamma;
    this.zeta = zeta;
  }

  /** values[q]: the combination at query q's row p >> layer. */
  Ext4[] values(List<TableKey> keys, List<TableProof> parts, List<Integer> group) throws InvalidProofException {
    int logRows = shape.logDegree() - layer;
    int logLde = logRows + shape.logBlowup();
    int[] rows = Protocol.queriedRows(positions, 0);
    List<int[]> widths = new ArrayList<>();
    List<List<List<int[]>>> opened = new ArrayList<>(); // [table][matrix][row index] -> row
    Ext4[] atZeta = null;
    Ext4[] atZetaNext = null;
    for (int index : group) {
      Air air = keys.get(index).air();
      widths.add(new int[] {air.preprocessedWidth(), air.mainWidth(), 4 * air.auxWidth(), 4 * air.quotientChunks()});
    }
    DeepLayout layout = DeepLayout.of(widths);
    atZeta = new Ext4[layout.columns()];
    atZetaNext = new Ext4[layout.nextColumns()];
    for (int t = 0; t < group.size(); t++) {
      TableProof part = parts.get(group.get(t));
      opened.add(openTable(keys.get(group.get(t)), part, widths.get(t), rows, logLde));
      layout.scatter(t, part.valuesAtZeta(), atZeta, part.valuesAtZetaNext(), atZetaNext);
    }
    int total = layout.columns();
    int next = layout.nextColumns();
    Ext4[] gammaPowers = new Ext4[total + 1];
    gammaPowers[0] = Ext4.ONE;
    for (int k = 1; k <= total; k++) {
      gammaPowers[k] = gammaPowers[k - 1].mul(gamma);
    }
    Ext4 sumAtZeta = Ext4.ZERO;
    Ext4 sumAtZetaNext = Ext4.ZERO;
    for (int k = 0; k < total; k++) {
      sumAtZeta = sumAtZeta.add(gammaPowers[k].mul(atZeta[k]));
      if (k < next) {
        sumAtZetaNext = sumAtZetaNext.add(gammaPowers[k].mul(atZetaNext[k]));
      }
    }
    int[] powers = Ext4.flatten(gammaPowers);
    Ext4 zetaNext = zeta.mul(BabyBear.twoAdicGenerator(logRows));
    int w = BabyBear.twoAdicGenerator(logLde);
    Ext4[] out = new Ext4[positions.length];
    for (int q = 0; q < positions.length; q++) {
      int row = positions[q];
      int at = Arrays.binarySearch(rows, row);
      int[][] byMatrix = new int[layout.matrices()][];
      for (int t = 0; t < group.size(); t++) {
        for (int m = 0; m < DeepLayout.MATRICES; m++) {
          byMatrix[layout.matrixIndex(t, m)] = opened.get(t).get(m).get(at);
        }
      }
      WeightedSum sum = new WeightedSum(powers, next);
      for (int[] matrixRow : byMatrix) {
        sum.add(matrixRow);
      }
      Ext4 all = sum.all();
      Ext4 prefix = sum.prefix();
      Ext4 x = Ext4.of(BabyBear.mul(Protocol.SHIFT, BabyBear.pow(w, BitReversal.reverse(row, logLde))));
      out[q] = all.sub(sumAtZeta).mul(x.sub(zeta).inv())
          .add(gammaPowers[total].mul(prefix.sub(sumAtZetaNext)).mul(x.sub(zetaNext).inv()));
    }
    return out;
  }

  /**
   * One table's rows at exactly {@code rows}, per matrix (pre, main, aux, quotient; empty rows for
   * a matrix the table does not have): the preprocessed ones verified here under the key's root,
   * the others already verified in the proof's joint trees ({@link JointTrees}).
   */
  private List<List<int[]>> openTable(TableKey key, TableProof part, int[] matrixWidths, int[] rows, int logLde)
      throws InvalidProofException {
    List<List<int[]>> out = new ArrayList<>();
    if (key.preprocessedRoot() == null) {
      out.add(empty(rows.length));
    } else {
      MerkleBatchOpening opening = part.preprocessed();
      if (!Arrays.equals(opening.indices(), rows)) {
        throw new InvalidProofException(part.name() + ": preprocessed opening opens rows other than the queried ones");
      }
      try {
        merkle.verifyBatch(key.preprocessedRoot(), new int[] {matrixWidths[0]}, logLde, opening);
      } catch (InvalidOpeningException e) {
        throw new InvalidProofException(part.name() + ": preprocessed opening: " + e.getMessage());
      }
      out.add(opening.rows().stream().map(r -> r.get(0)).toList());
    }
    List<int[][]> joint = part.rows();
    out.add(List.of(joint.get(0)));
    out.add(joint.size() == 3 ? List.of(joint.get(1)) : empty(rows.length));
    out.add(List.of(joint.get(joint.size() - 1)));
    return out;
  }

  /**
   * Σ γ^k·v_k over one query's opened values in layout order, and the same sum over the first
   * {@code next} of them: base-field products reduced one by one into unreduced long sums (each
   * term below 2^31, so no sum of fewer than 2^32 terms overflows), one reduction per coordinate
   * at the end instead of an Ext4 object per value.
   */
  private static final class WeightedSum {
    private final int[] powers;
    private final int next;
    private final long[] sum = new long[4];
    private long[] prefix;
    private int k;

    WeightedSum(int[] powers, int next) {
      this.powers = powers;
      this.next = next;
    }

    void add(int[] values) {
      for (int v : values) {
        if (k == next) {
          prefix = sum.clone();
        }
        int at = 4 * k;
        for (int c = 0; c < 4; c++) {
          sum[c] += (long) powers[at + c] * v % BabyBear.P;
        }
        k++;
      }
    }

    Ext4 all() {
      return reduced(sum);
    }

    Ext4 prefix() {
      return prefix == null ? all() : reduced(prefix);
    }

    private static Ext4 reduced(long[] s) {
      return new Ext4((int) (s[0] % BabyBear.P), (int) (s[1] % BabyBear.P), (int) (s[2] % BabyBear.P),
          (int) (s[3] % BabyBear.P));
    }
  }

  private static List<int[]> empty(int count) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new int[0]);
    }
    return out;
  }
}

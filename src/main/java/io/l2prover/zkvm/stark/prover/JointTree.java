package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.merkle.MixedMerkleTree;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.TreeOpening;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One phase's commitment (main, aux or quotient) to a matrix of each member table, in table
 * order, as one {@link MixedMerkleTree}: a query opens one path for all of them.
 */
final class JointTree {

  private final MixedMerkleTree tree;
  private final List<Integer> members;

  private JointTree(MixedMerkleTree tree, List<Integer> members) {
    this.tree = tree;
    this.members = members;
  }

  /**
   * Commits {@code lde.apply(table)} ({@code width} columns) of every present table for which it
   * is not null, each at its LDE height.
   */
  static JointTree commit(ComputeBackend backend, List<TableState> tables, Function<TableState, int[]> lde,
      ToIntFunction<TableState> width, int logBlowup) {
    List<Integer> members = new ArrayList<>();
    List<int[]> matrices = new ArrayList<>();
    List<int[]> shape = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      TableState s = tables.get(i);
      if (s.present() && lde.apply(s) != null) {
        members.add(i);
        matrices.add(lde.apply(s));
        shape.add(new int[] {width.applyAsInt(s), s.logRows() + logBlowup});
      }
    }
    return new JointTree(MixedMerkleTree.commit(backend, matrices.toArray(int[][]::new),
        shape.stream().mapToInt(w -> w[0]).toArray(), shape.stream().mapToInt(w -> w[1]).toArray()), members);
  }

  Digest root() {
    return tree.root();
  }

  boolean holds(int table) {
    return members.contains(table);
  }

  /** Table {@code table}'s rows that the FRI query positions (2^friLogSize layer-0 points) reach. */
  int[][] rows(int table, int[] positions, int friLogSize) {
    return tree.rows(members.indexOf(table), leaves(positions, friLogSize));
  }

  TreeOpening opening(int[] positions, int friLogSize) {
    return new TreeOpening(tree.root(), tree.siblings(leaves(positions, friLogSize)));
  }

  /** The tree's tallest matrix may be shorter than FRI's layer 0 (e.g. the aux tree): its leaves are the positions shifted. */
  private int[] leaves(int[] positions, int friLogSize) {
    return Protocol.shifted(positions, friLogSize - tree.logHeight());
  }
}

package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.merkle.InvalidOpeningException;
import io.l2prover.zkvm.stark.merkle.MerkleVerifier;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.proof.TreeOpening;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the rows every present table opens in the proof's main, aux and quotient trees (one
 * mixed-height Merkle tree per phase) against their roots, at the FRI query positions. The
 * widths and heights come from the verifier's keys and the checked statement, never the proof.
 */
final class JointTrees {

  private static final String[] NAMES = {"main", "aux", "quotient"};

  private JointTrees() {}

  static void verify(List<TableKey> keys, MultiTableProof proof, FriShape shape, int[] positions)
      throws InvalidProofException {
    TreeOpening[] trees = {proof.main(), proof.aux(), proof.quotient()};
    for (int phase = 0; phase < trees.length; phase++) {
      if (trees[phase] == null) {
        continue;
      }
      List<int[][]> rows = new ArrayList<>();
      List<int[]> shapes = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        TableProof part = proof.tables().get(i);
        Air air = keys.get(i).air();
        boolean hasAux = air.auxPhase().isPresent();
        if (!part.present() || (phase == 1 && !hasAux)) {
          continue;
        }
        int width = phase == 0 ? air.mainWidth() : phase == 1 ? 4 * air.auxWidth() : 4 * air.quotientChunks();
        rows.add(part.rows().get(phase == 2 && !hasAux ? 1 : phase));
        shapes.add(new int[] {width, part.logRows() + shape.logBlowup()});
      }
      int[] logHeights = shapes.stream().mapToInt(s -> s[1]).toArray();
      int top = Arrays.stream(logHeights).max().orElseThrow();
      try {
        new MerkleVerifier().verifyMixed(trees[phase].root(), shapes.stream().mapToInt(s -> s[0]).toArray(),
            logHeights, Protocol.shifted(positions, shape.logSize() - top), rows, trees[phase].siblings());
      } catch (InvalidOpeningException e) {
        throw new InvalidProofException(NAMES[phase] + " tree: " + e.getMessage());
      }
    }
  }
}

package io.l2prover.zkvm.stark.air;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An algebraic intermediate representation: the columns of a trace and the constraints every
 * valid trace satisfies. A description only: provers, verifiers and checkers evaluate it.
 */
public interface Air {

  /** A short stable name, bound into the transcript. */
  String name();

  int preprocessedWidth();

  int mainWidth();

  int publicValueCount();

  /** Constraints over preprocessed and main columns and public values. */
  List<Constraint> constraints();

  /** The smallest trace height (log2) this AIR accepts, e.g. the size of a preprocessed table. */
  default int minLogRows() {
    return 1;
  }

  /** The preprocessed columns for a trace of 2^logRows rows (column-major). */
  default int[][] preprocessedTrace(int logRows) {
    return new int[0][];
  }

  default Optional<AuxPhase> auxPhase() {
    return Optional.empty();
  }

  /** Main and aux constraints together, in the order their α powers are assigned. */
  default List<Constraint> allConstraints() {
    List<Constraint> all = new ArrayList<>(constraints());
    auxPhase().ifPresent(aux -> all.addAll(aux.constraints()));
    return List.copyOf(all);
  }

  /** The largest constraint degree, selectors included (at least 2 so the quotient has one chunk). */
  default int maxConstraintDegree() {
    int d = 2;
    for (Constraint c : allConstraints()) {
      d = Math.max(d, c.degree());
    }
    return d;
  }

  /** How many trace-degree chunks the quotient splits into: degree bound (d - 1) * n. */
  default int quotientChunks() {
    return maxConstraintDegree() - 1;
  }

  default int challengeCount() {
    return auxPhase().map(AuxPhase::challengeCount).orElse(0);
  }

  default int auxWidth() {
    return auxPhase().map(AuxPhase::width).orElse(0);
  }

  default int auxPublicCount() {
    return auxPhase().map(AuxPhase::auxPublicCount).orElse(0);
  }
}

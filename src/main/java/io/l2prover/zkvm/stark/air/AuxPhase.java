package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.Ext4;
import java.util.List;
import java.util.Optional;

/**
 * The second round of an AIR: after the main trace is committed the prover draws challenges and
 * builds extension-valued columns from them (LogUp is the one we ship).
 */
public interface AuxPhase {

  /** Extension-field challenges drawn after the main commitment. */
  int challengeCount();

  /** Extension-valued aux columns. */
  int width();

  /** Extension values claimed with the aux trace (bound into the transcript before α). */
  int auxPublicCount();

  /** Constraints over main, preprocessed and aux columns; they may use challenges and aux publics. */
  List<Constraint> constraints();

  /** Builds the aux trace from the committed traces and the drawn challenges. */
  AuxTrace build(int[][] preprocessed, int[][] main, Ext4[] challenges);

  /**
   * The checks on the claimed aux publics themselves (a LogUp sum must balance): a reason for
   * rejection, or empty when they pass.
   */
  Optional<String> checkAuxPublics(Ext4[] auxPublics);

  /** The balance scope of each aux public, in order: every aux public of a multi-table proof is a claimed sum. */
  default List<Scope> sumScopes() {
    return List.of();
  }

  /** An upper bound on the total |multiplicity| one row contributes to {@code scope}. */
  default long rowMultiplicityBound(Scope scope) {
    return 0;
  }

  /** How many interactions (terms per row) the phase has. */
  default int interactionCount() {
    return 0;
  }

  /** The longest value tuple of its interactions (fingerprint degree in β is this plus 1). */
  default int maxTupleLength() {
    return 0;
  }
}

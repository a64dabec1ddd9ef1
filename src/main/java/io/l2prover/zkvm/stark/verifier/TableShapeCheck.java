package io.l2prover.zkvm.stark.verifier;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import java.util.Arrays;

/** The statement and shape checks of one table's part of a multi-table proof against its key. */
final class TableShapeCheck {

  private TableShapeCheck() {}

  static void check(TableKey key, TableProof part, int[] publicValues, int index) throws InvalidProofException {
    Air air = key.air();
    String at = "table " + index + " (" + air.name() + ")";
    if (!part.name().equals(air.name())) {
      throw new InvalidProofException(at + ": proof has table '" + part.name() + "' in this place");
    }
    if (publicValues.length != air.publicValueCount()) {
      throw new InvalidProofException(at + ": " + publicValues.length + " public values given, AIR declares "
          + air.publicValueCount());
    }
    if (!Arrays.equals(part.publicValues(), publicValues)) {
      throw new InvalidProofException(at + ": proof is for other public values than the expected ones");
    }
    if (!part.present()) {
      if (part.claimedSums().length > 0 || part.valuesAtZeta().length > 0 || part.valuesAtZetaNext().length > 0
          || part.preprocessed() != null || !part.rows().isEmpty()) {
        throw new InvalidProofException(at + ": an absent table carries commitments or values");
      }
      return;
    }
    int logRows = part.logRows();
    if (logRows < MultiTableVerifier.minLogRows(air) || logRows > MultiTableVerifier.MAX_LOG_ROWS) {
      throw new InvalidProofException(at + ": 2^" + logRows + " rows outside 2^" + MultiTableVerifier.minLogRows(air)
          + " .. 2^" + MultiTableVerifier.MAX_LOG_ROWS);
    }
    if (key.logRows() != 0 && key.logRows() != logRows) {
      throw new InvalidProofException(at + ": proof is for 2^" + logRows + " rows, the key fixes 2^" + key.logRows());
    }
    boolean hasAux = air.auxPhase().isPresent();
    int next = air.preprocessedWidth() + air.mainWidth() + 4 * air.auxWidth();
    int all = next + 4 * air.quotientChunks();
    if (part.claimedSums().length != air.auxPublicCount()) {
      throw new InvalidProofException(at + ": claimed sums do not match the AIR");
    }
    if (hasAux && (air.auxPhase().get().sumScopes().size() != air.auxPublicCount() || air.challengeCount() > 2)) {
      throw new InvalidProofException(at + ": a multi-table proof needs every aux public to be a LogUp sum and at most the "
          + "challenges z and β");
    }
    if (part.valuesAtZeta().length != all || part.valuesAtZetaNext().length != next) {
      throw new InvalidProofException(at + ": opens " + part.valuesAtZeta().length + " + "
          + part.valuesAtZetaNext().length + " values at ζ and ζω, the AIR needs " + all + " + " + next);
    }
    int matrices = hasAux ? 3 : 2;
    if (part.rows().size() != matrices || (part.preprocessed() != null) != (air.preprocessedWidth() > 0)) {
      throw new InvalidProofException(at + ": opens " + part.rows().size() + " committed matrices"
          + (part.preprocessed() != null ? " and preprocessed rows" : "") + ", the AIR has " + matrices
          + (air.preprocessedWidth() > 0 ? " and preprocessed columns" : ""));
    }
  }
}

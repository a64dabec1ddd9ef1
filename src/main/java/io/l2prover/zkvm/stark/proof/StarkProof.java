package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriProof;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * A STARK proof for one AIR instance. The preprocessed commitment is not in it: the verifier
 * derives it from the AIR it expects ({@code VerifyingKey}).
 *
 * @param airName the AIR the proof claims to satisfy
 * @param logRows log2 of the trace height
 * @param params the FRI parameters used (the verifier insists on its own)
 * @param publicValues the public values the proof is for
 * @param mainRoot commitment to the main trace LDE
 * @param auxRoot commitment to the aux trace LDE, or null when the AIR has no aux phase
 * @param auxPublics values claimed with the aux trace (LogUp sums)
 * @param quotientRoot commitment to the quotient chunks' LDE
 * @param valuesAtZeta every committed column (preprocessed, main, aux coordinates, quotient
 *     coordinates, in that order) at the out-of-domain point ζ
 * @param valuesAtZetaNext preprocessed, main and aux-coordinate columns at ζ·ω
 * @param traceOpenings the LDE rows of each committed trace (preprocessed if any, main, aux if
 *     any, quotient) at every queried position and its FRI sibling
 * @param fri the FRI proof that the DEEP combination has degree below the trace height
 */
public record StarkProof(
    String airName,
    int logRows,
    FriParameters params,
    int[] publicValues,
    Digest mainRoot,
    Digest auxRoot,
    Ext4[] auxPublics,
    Digest quotientRoot,
    Ext4[] valuesAtZeta,
    Ext4[] valuesAtZetaNext,
    List<MerkleBatchOpening> traceOpenings,
    FriProof fri) {

  public StarkProof {
    publicValues = publicValues.clone();
    auxPublics = auxPublics.clone();
    valuesAtZeta = valuesAtZeta.clone();
    valuesAtZetaNext = valuesAtZetaNext.clone();
    traceOpenings = List.copyOf(traceOpenings);
  }

  @Override
  public int[] publicValues() {
    return publicValues.clone();
  }

  @Override
  public Ext4[] auxPublics() {
    return auxPublics.clone();
  }

  @Override
  public Ext4[] valuesAtZeta() {
    return valuesAtZeta.clone();
  }

  @Override
  public Ext4[] valuesAtZetaNext() {
    return valuesAtZetaNext.clone();
  }
}

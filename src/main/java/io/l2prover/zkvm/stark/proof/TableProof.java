package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.List;

/**
 * One table's part of a {@link MultiTableProof}. An absent table (height 0 in this proof) has
 * {@code logRows} 0, no roots and empty lists: it costs a name and a byte.
 *
 * @param name the AIR name (checked against the verifier's key; the constraint digest is bound by the transcript)
 * @param logRows log2 of the trace height, 0 when the table is absent
 * @param publicValues the table's public values
 * @param mainRoot commitment to the main trace LDE (null when absent)
 * @param auxRoot commitment to the aux trace LDE (null without an aux phase)
 * @param claimedSums the LogUp sum claimed for each scope the table uses (LOCAL first)
 * @param quotientRoot commitment to the quotient chunks' LDE
 * @param valuesAtZeta preprocessed, main, aux-coordinate and quotient-coordinate columns at ζ
 * @param valuesAtZetaNext preprocessed, main and aux-coordinate columns at ζ·ω (ω of this height)
 * @param openings preprocessed (if any), main, aux (if any) and quotient rows at the queried rows
 */
public record TableProof(
    String name,
    int logRows,
    int[] publicValues,
    Digest mainRoot,
    Digest auxRoot,
    Ext4[] claimedSums,
    Digest quotientRoot,
    Ext4[] valuesAtZeta,
    Ext4[] valuesAtZetaNext,
    List<MerkleBatchOpening> openings) {

  public TableProof {
    publicValues = publicValues.clone();
    claimedSums = claimedSums.clone();
    valuesAtZeta = valuesAtZeta.clone();
    valuesAtZetaNext = valuesAtZetaNext.clone();
    openings = List.copyOf(openings);
  }

  /** The part of an absent table. */
  public static TableProof absent(String name, int[] publicValues) {
    return new TableProof(name, 0, publicValues, null, null, new Ext4[0], null, new Ext4[0], new Ext4[0], List.of());
  }

  public boolean present() {
    return logRows > 0;
  }

  @Override
  public int[] publicValues() {
    return publicValues.clone();
  }

  @Override
  public Ext4[] claimedSums() {
    return claimedSums.clone();
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

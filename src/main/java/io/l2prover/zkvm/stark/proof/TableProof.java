package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import java.util.List;

/**
 * One table's part of a {@link MultiTableProof}. An absent table (height 0 in this proof) has
 * {@code logRows} 0 and empty lists: it costs a name and a few bytes.
 *
 * @param name the AIR name (checked against the verifier's key; the constraint digest is bound by the transcript)
 * @param logRows log2 of the trace height, 0 when the table is absent
 * @param publicValues the table's public values
 * @param claimedSums the LogUp sum claimed for each scope the table uses (LOCAL first)
 * @param valuesAtZeta preprocessed, main, aux-coordinate and quotient-coordinate columns at ζ
 * @param valuesAtZetaNext preprocessed, main and aux-coordinate columns at ζ·ω (ω of this height)
 * @param preprocessed the preprocessed rows at the queried rows, under the key's root (null without preprocessed columns)
 * @param rows the table's rows in the proof's main, aux (only with an aux phase) and quotient trees, each at the
 *     distinct queried rows (query position p >> the table's FRI entry layer), increasing
 */
public record TableProof(
    String name,
    int logRows,
    int[] publicValues,
    Ext4[] claimedSums,
    Ext4[] valuesAtZeta,
    Ext4[] valuesAtZetaNext,
    MerkleBatchOpening preprocessed,
    List<int[][]> rows) {

  public TableProof {
    publicValues = publicValues.clone();
    claimedSums = claimedSums.clone();
    valuesAtZeta = valuesAtZeta.clone();
    valuesAtZetaNext = valuesAtZetaNext.clone();
    rows = List.copyOf(rows);
  }

  /** The part of an absent table. */
  public static TableProof absent(String name, int[] publicValues) {
    return new TableProof(name, 0, publicValues, new Ext4[0], new Ext4[0], new Ext4[0], null, List.of());
  }

  public boolean present() {
    return logRows > 0;
  }

  /** The same part claiming other sums (for soundness tests of the balance). */
  public TableProof withClaimedSums(Ext4[] sums) {
    return new TableProof(name, logRows, publicValues, sums, valuesAtZeta, valuesAtZetaNext, preprocessed, rows);
  }

  /** The same part under another name and public values (for soundness tests of the statement). */
  public TableProof withStatement(String otherName, int[] otherPublicValues) {
    return new TableProof(otherName, logRows, otherPublicValues, claimedSums, valuesAtZeta, valuesAtZetaNext,
        preprocessed, rows);
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

package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.Ext4;

/**
 * Everything a constraint can read at one point, in the extension field: a trace row (for the
 * debug checker) or the out-of-domain point ζ and ζ·g (for the verifier).
 *
 * <p>Aux columns are given as extension values (already recombined from their coordinates).
 */
public record PointValues(
    Ext4[] preprocessed,
    Ext4[] preprocessedNext,
    Ext4[] main,
    Ext4[] mainNext,
    Ext4[] aux,
    Ext4[] auxNext,
    int[] publicValues,
    Ext4[] challenges,
    Ext4[] auxPublics)
    implements Ext4Algebra {

  @Override
  public Ext4 column(TracePart part, int index, boolean next) {
    return switch (part) {
      case PREPROCESSED -> (next ? preprocessedNext : preprocessed)[index];
      case MAIN -> (next ? mainNext : main)[index];
      case AUX -> (next ? auxNext : aux)[index];
    };
  }

  @Override
  public Ext4 publicValue(int index) {
    return Ext4.of(publicValues[index]);
  }

  @Override
  public Ext4 challenge(int index) {
    return challenges[index];
  }

  @Override
  public Ext4 auxPublic(int index) {
    return auxPublics[index];
  }
}

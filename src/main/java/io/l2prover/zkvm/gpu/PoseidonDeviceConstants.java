package io.l2prover.zkvm.gpu;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2;

/**
 * The Poseidon2 constants in the layout of native/cuda/poseidon2.cuh (initial rounds [4][16],
 * internal rounds [13], terminal rounds [4][16], internal diagonal [16]), canonical: read from
 * the Java permutation, so the kernels use exactly its constants.
 */
final class PoseidonDeviceConstants {

  static final int WORDS = 157;

  private PoseidonDeviceConstants() {}

  static int[] canonical(Poseidon2 permutation) {
    int[] out = new int[WORDS];
    int at = 0;
    for (int[] round : permutation.initialRoundConstants()) {
      System.arraycopy(round, 0, out, at, round.length);
      at += round.length;
    }
    int[] internal = permutation.internalRoundConstants();
    System.arraycopy(internal, 0, out, at, internal.length);
    at += internal.length;
    for (int[] round : permutation.terminalRoundConstants()) {
      System.arraycopy(round, 0, out, at, round.length);
      at += round.length;
    }
    int[] diagonal = permutation.internalDiagonal();
    System.arraycopy(diagonal, 0, out, at, diagonal.length);
    at += diagonal.length;
    if (at != WORDS) {
      throw new IllegalStateException("Poseidon2 has " + at + " constants, the kernels expect " + WORDS);
    }
    return out;
  }

  /** The same words in Montgomery form (times 2^32 mod p), as the kernels hold them. */
  static int[] montgomery(Poseidon2 permutation) {
    int[] words = canonical(permutation);
    for (int i = 0; i < words.length; i++) {
      words[i] = DeviceMontgomery.toMont(words[i]);
    }
    return words;
  }
}

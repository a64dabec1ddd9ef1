package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;

/**
 * The heavy steps of the STARK prover on plain arrays, so a CPU and a GPU implementation can be
 * swapped and compared bit for bit. No method keeps state between calls; every array is
 * row-major {@code int[]} of canonical BabyBear values; digests are 8 consecutive ints.
 * The exact orderings are specified in docs/proof-system.md ("Compute backend").
 */
public interface ComputeBackend {

  /** A short name for logs and benchmark output ("cpu", "cuda"). */
  String name();

  /**
   * Batched coset low-degree extension. {@code evaluations} is {@code width x 2^logHeight},
   * row i holding every column's value at w^i (w = primitive 2^logHeight-th root, natural
   * order). Returns {@code width x 2^(logHeight+logBlowup)}: row i holds each column's
   * interpolant at {@code shift * W^bitrev(i)} (W = primitive 2^(logHeight+logBlowup)-th root,
   * bitrev over logHeight+logBlowup bits). The input is left unchanged.
   */
  int[] cosetLde(int[] evaluations, int width, int logHeight, int logBlowup, int shift);

  /**
   * Merkle leaves of several row-major matrices of the same height: digest i
   * ({@code out[8i .. 8i+8)}) is the Poseidon2 sponge of row i of matrix 0, then row i of
   * matrix 1, and so on. Returns {@code 8 * height} ints.
   */
  int[] hashLeaves(int[][] matrices, int[] widths, int height);

  /**
   * Every layer of the Merkle tree over {@code 2^logLeaves} leaf digests: layer 0 is a copy of
   * the leaves, layer k+1 node j is {@code compress(layer k node 2j, layer k node 2j+1)}, and layer
   * {@code logLeaves} is the root (8 ints).
   */
  int[][] merkleLayers(int[] leafDigests, int logLeaves);

  /**
   * One Merkle layer up: parent j = {@code compress(digest 2j, digest 2j+1)} of {@code digests}
   * (an even number of 8-int digests); returns half as many. Mixed-height trees
   * ({@code MixedMerkleTree}) climb one layer at a time because shorter matrices' rows are hashed
   * in between. The default runs the CPU Poseidon2 on the calling thread ({@link CpuBackend} runs
   * it in parallel; a GPU backend that does not override it falls back to this, docs/gpu.md).
   */
  default int[] compressPairs(int[] digests) {
    int d = Poseidon2Hash.DIGEST;
    if (digests.length % (2 * d) != 0) {
      throw new IllegalArgumentException("expected pairs of digests, got " + digests.length + " ints");
    }
    int[] out = new int[digests.length / 2];
    Poseidon2Hash.babyBear().compressPairs(digests, 0, out.length / d, out, 0);
    return out;
  }

  /**
   * One arity-2 FRI fold. {@code codeword} holds 2^logSize Ext4 values (4 ints each, coefficient
   * of X^0 first) of f on the coset {@code shift * <W>} in bit-reversed order, so rows 2i and 2i+1
   * are f(x) and f(-x) with x = shift * W^bitrev(2i). Returns the 2^(logSize-1) Ext4 values
   * {@code g(x^2) = (f(x) + f(-x))/2 + beta (f(x) - f(-x))/(2x)}, which are the evaluations of the
   * folded polynomial on the coset {@code shift^2 * <W^2>}, again bit-reversed.
   */
  int[] foldFri(int[] codeword, int logSize, int shift, int[] beta);

  /**
   * Evaluates an AIR's compiled constraints at every point of the quotient domain and returns
   * the quotient {@code sum_i alpha^i sel_i(x) C_i(x) / Z_H(x)} there (4 ints per point). The
   * task describes the layout (see {@link QuotientTask}). The default runs
   * {@link CpuQuotientKernel} on the calling thread's common pool; a GPU backend overrides it.
   */
  default int[] evaluateQuotient(QuotientTask task) {
    return CpuQuotientKernel.evaluate(task);
  }
}

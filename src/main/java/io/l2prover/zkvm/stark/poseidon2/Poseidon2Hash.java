package io.l2prover.zkvm.stark.poseidon2;

/**
 * Hashing built on {@link Poseidon2}: a sponge for rows of field elements and a 2-to-1
 * compression for Merkle nodes, both with 8-element digests (as Plonky3's
 * {@code PaddingFreeSponge<_, 16, 8, 8>} and {@code TruncatedPermutation<_, 2, 8, 16>}).
 *
 * <p>Sponge: the state starts at zero; each chunk of up to 8 inputs overwrites the first
 * elements of the state (the rest are kept), then the state is permuted; the digest is the first
 * 8 elements. There is no padding, so inputs of different lengths may collide: callers hash
 * inputs whose length is fixed by context (a Merkle tree's row width). The empty input hashes
 * to the zero digest.
 *
 * <p>Compression: permute left ‖ right and keep the first 8 elements.
 */
public final class Poseidon2Hash {

  public static final int RATE = 8;
  public static final int DIGEST = Digest.ELEMENTS;

  private static final Poseidon2Hash BABY_BEAR = new Poseidon2Hash(Poseidon2.babyBear());

  private final Poseidon2 permutation;

  public Poseidon2Hash(Poseidon2 permutation) {
    this.permutation = permutation;
  }

  public static Poseidon2Hash babyBear() {
    return BABY_BEAR;
  }

  public Poseidon2 permutation() {
    return permutation;
  }

  /** Hashes {@code values[offset .. offset+length)} into {@code out[outOffset .. +8)}. */
  public void hash(int[] values, int offset, int length, int[] out, int outOffset) {
    Absorber sponge = new Absorber();
    sponge.absorb(values, offset, length);
    sponge.squeeze(out, outOffset);
  }

  public Digest hash(int[] values) {
    int[] out = new int[DIGEST];
    hash(values, 0, values.length, out, 0);
    return Digest.of(out);
  }

  /**
   * Hashes the concatenation of row {@code row} of several row-major matrices (widths
   * {@code widths[k]}) into {@code out[outOffset .. +8)}: the leaf of a Merkle tree.
   */
  public void hashRow(int[][] matrices, int[] widths, int row, int[] out, int outOffset) {
    Absorber sponge = new Absorber();
    for (int k = 0; k < matrices.length; k++) {
      sponge.absorb(matrices[k], row * widths[k], widths[k]);
    }
    sponge.squeeze(out, outOffset);
  }

  /**
   * The leaves of rows {@code fromRow .. toRow - 1}: digest of row r (as {@link #hashRow}) into
   * {@code out[outOffset + 8 (r - fromRow) ..+8)}. Rows are hashed side by side in the batched
   * kernel, several times faster per row than {@link #hashRow} in a loop.
   */
  public void hashRows(int[][] matrices, int[] widths, int fromRow, int toRow, int[] out, int outOffset) {
    int totalWidth = 0;
    for (int w : widths) {
      totalWidth += w;
    }
    if (!permutation.hashRowsBatched(matrices, widths, totalWidth, fromRow, toRow, out, outOffset)) {
      for (int r = fromRow; r < toRow; r++) {
        hashRow(matrices, widths, r, out, outOffset + DIGEST * (r - fromRow));
      }
    }
  }

  /**
   * Merkle parents of {@code count} pairs of consecutive digests: parent j =
   * compress(digest 2j, digest 2j + 1) of {@code digests[offset ..]}, written to
   * {@code out[outOffset + 8 j ..+8)}; batched like {@link #hashRows}.
   */
  public void compressPairs(int[] digests, int offset, int count, int[] out, int outOffset) {
    if (!permutation.compressPairsBatched(digests, offset, count, out, outOffset)) {
      for (int j = 0; j < count; j++) {
        int at = offset + Poseidon2.WIDTH * j;
        compress(digests, at, digests, at + DIGEST, out, outOffset + DIGEST * j);
      }
    }
  }

  /** Compresses {@code a[ao..+8)} and {@code b[bo..+8)} into {@code out[oo..+8)}. */
  public void compress(int[] a, int ao, int[] b, int bo, int[] out, int oo) {
    int[] state = new int[Poseidon2.WIDTH];
    System.arraycopy(a, ao, state, 0, DIGEST);
    System.arraycopy(b, bo, state, DIGEST, DIGEST);
    permutation.permute(state);
    System.arraycopy(state, 0, out, oo, DIGEST);
  }

  public Digest compress(Digest left, Digest right) {
    int[] state = new int[Poseidon2.WIDTH];
    left.copyTo(state, 0);
    right.copyTo(state, DIGEST);
    permutation.permute(state);
    return Digest.of(state, 0);
  }

  /** The overwrite-mode sponge of {@link #hash} and {@link #hashRow}: rate 8, the digest is the first 8 lanes. */
  private final class Absorber {
    private final int[] state = new int[Poseidon2.WIDTH];
    private int pos;

    void absorb(int[] values, int offset, int length) {
      for (int i = 0; i < length; i++) {
        state[pos++] = values[offset + i];
        if (pos == RATE) {
          permutation.permute(state);
          pos = 0;
        }
      }
    }

    void squeeze(int[] out, int outOffset) {
      if (pos != 0) {
        permutation.permute(state);
      }
      System.arraycopy(state, 0, out, outOffset, DIGEST);
    }
  }
}

package io.l2prover.zkvm.stark.ntt;

/** Bit-reversal permutation of the rows of a row-major matrix. */
public final class BitReversal {

  private BitReversal() {}

  /** {@code i} with its low {@code bits} bits reversed. */
  public static int reverse(int i, int bits) {
    return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
  }

  /** Swaps row i with row bitrev(i) for every i; height must be a power of two. */
  public static void permuteRows(int[] matrix, int width, int height) {
    if (Integer.bitCount(height) != 1) {
      throw new IllegalArgumentException("height must be a power of two, got " + height);
    }
    int bits = Integer.numberOfTrailingZeros(height);
    if (width == 1) {
      for (int i = 0; i < height; i++) {
        int j = reverse(i, bits);
        if (i < j) {
          int t = matrix[i];
          matrix[i] = matrix[j];
          matrix[j] = t;
        }
      }
      return;
    }
    int[] tmp = new int[width];
    for (int i = 0; i < height; i++) {
      int j = reverse(i, bits);
      if (i < j) {
        System.arraycopy(matrix, i * width, tmp, 0, width);
        System.arraycopy(matrix, j * width, matrix, i * width, width);
        System.arraycopy(tmp, 0, matrix, j * width, width);
      }
    }
  }
}

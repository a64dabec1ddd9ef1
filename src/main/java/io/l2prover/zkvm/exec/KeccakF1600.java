package io.l2prover.zkvm.exec;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3) on 25 lanes indexed x + 5y. Public for
 * the prover's Keccak chip, whose constraints use the same round constants and rotations.
 */
public final class KeccakF1600 {

  /** Rounds of the permutation. */
  public static final int ROUNDS = 24;

  private static final long[] ROUND_CONSTANTS = {
      0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
      0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
      0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
      0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
      0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
      0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};

  /** rho's rotation of lane x + 5y. */
  private static final int[] ROTATIONS = {
      0, 1, 62, 28, 27,
      36, 44, 6, 55, 20,
      3, 10, 43, 25, 39,
      41, 45, 15, 21, 8,
      18, 2, 61, 56, 14};

  private KeccakF1600() {}

  /** ι's constant of round {@code round} (0..23). */
  public static long roundConstant(int round) {
    return ROUND_CONSTANTS[round];
  }

  /** ρ's left rotation of lane {@code x + 5y}. */
  public static int rotation(int lane) {
    return ROTATIONS[lane];
  }

  /** Permutes the 25 lanes in place. */
  public static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (long rc : ROUND_CONSTANTS) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[x + y] ^= d;
        }
      }
      // rho and pi: lane (x, y) moves to (y, 2x + 3y).
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
        }
      }
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
      }
      a[0] ^= rc;
    }
  }
}

package io.l2prover.chain.trie;

import io.l2prover.chain.rlp.RlpException;
import java.util.Arrays;

/** Nibble paths and their hex-prefix (compact) encoding (Yellow Paper, appendix C). */
final class Nibbles {

  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  /** Splits each byte of {@code key} into its high and low nibble. */
  static byte[] fromKey(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Hex-prefix encoding: flag nibble (2 for a leaf, +1 for odd length), padded to bytes. */
  static byte[] compact(byte[] nibbles, boolean leaf) {
    boolean odd = nibbles.length % 2 == 1;
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    byte[] out = new byte[nibbles.length / 2 + 1];
    out[0] = (byte) (flag << 4);
    int start = 0;
    if (odd) {
      out[0] |= nibbles[0];
      start = 1;
    }
    for (int i = start, o = 1; i < nibbles.length; i += 2, o++) {
      out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
    }
    return out;
  }

  /** Decodes hex-prefix bytes; returns the path and whether the flag marks a leaf. */
  static Decoded fromCompact(byte[] compact) {
    if (compact.length == 0) {
      throw new RlpException("trie node path is empty (no hex-prefix flag)");
    }
    int flag = (compact[0] >> 4) & 0x0f;
    if (flag > 3) {
      throw new RlpException("trie node path has an invalid hex-prefix flag " + flag);
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (compact[0] & 0x0f) != 0) {
      throw new RlpException("trie node path of even length has a non-zero padding nibble");
    }
    byte[] all = fromKey(compact);
    byte[] path = Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
    return new Decoded(path, flag >= 2);
  }

  static int commonPrefix(byte[] a, int aStart, byte[] b, int bStart) {
    int n = 0;
    while (aStart + n < a.length && bStart + n < b.length && a[aStart + n] == b[bStart + n]) {
      n++;
    }
    return n;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  record Decoded(byte[] path, boolean leaf) {}
}

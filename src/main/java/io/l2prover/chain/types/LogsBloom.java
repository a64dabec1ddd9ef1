package io.l2prover.chain.types;

import io.l2prover.util.Bytes;
import java.util.List;

/**
 * The 2048-bit logs bloom (Yellow Paper 4.4.1): for the address and each topic of every log, three
 * bits chosen by the low 11 bits of the first three byte pairs of its keccak-256.
 */
public final class LogsBloom {

  /** The bloom of no logs: 256 zero bytes. */
  public static final Bytes EMPTY = Bytes.of(new byte[256]);

  private LogsBloom() {}

  public static Bytes of(List<Log> logs) {
    byte[] bloom = new byte[256];
    for (Log log : logs) {
      add(bloom, log.address().toArray());
      log.topics().forEach(t -> add(bloom, t.toArray()));
    }
    return Bytes.of(bloom);
  }

  /** The union of several blooms (a block's bloom over its receipts). */
  public static Bytes union(List<Bytes> blooms) {
    byte[] out = new byte[256];
    for (Bytes bloom : blooms) {
      for (int i = 0; i < 256; i++) {
        out[i] |= bloom.get(i);
      }
    }
    return Bytes.of(out);
  }

  private static void add(byte[] bloom, byte[] item) {
    byte[] hash = Keccak.digest(item);
    for (int i = 0; i < 6; i += 2) {
      int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
      bloom[255 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}

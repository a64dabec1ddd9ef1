package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.util.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary stream the prover writes to the block guest's fd 0 (docs/guest-input.md). All
 * integers are little-endian: magic "L2BI", version u32, chain id u64, parent header (u32 length
 * + RLP), block (u32 length + RLP), nodes (u32 count, then u32 length + RLP each), codes (u32
 * count, then u32 length + bytes each).
 */
public final class GuestInputEncoder {

  /** The first four bytes of every input. */
  private static final byte[] MAGIC = "L2BI".getBytes(StandardCharsets.US_ASCII);

  /** The layout version of value-transfer inputs; the encoder writes each input's own version. */
  public static final int VERSION = GuestInput.TRANSFERS;

  private GuestInputEncoder() {}

  public static byte[] encode(GuestInput input) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    writeU32(out, input.version());
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(input.chainId()).array());
    writeItem(out, input.parentHeader());
    writeItem(out, input.block());
    writeList(out, input.nodes());
    writeList(out, input.codes());
    return out.toByteArray();
  }

  /** Decodes an input, checking magic, version and that every length stays inside the data. */
  public static GuestInput decode(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = take(in, 4, "magic");
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ChainException("guest input does not start with the magic \"L2BI\"");
    }
    long version = u32(in, "version");
    if (version < GuestInput.TRANSFERS || version > GuestInput.ORACLE) {
      throw new ChainException("guest input version " + version + " is not one of the supported 1, 2 and 3");
    }
    if (in.remaining() < 8) {
      throw new ChainException("guest input ends inside the chain id");
    }
    long chainId = in.getLong();
    Bytes parent = Bytes.of(take(in, u32(in, "parent header length"), "parent header"));
    Bytes block = Bytes.of(take(in, u32(in, "block length"), "block"));
    List<Bytes> nodes = readList(in, "witness node");
    List<Bytes> codes = readList(in, "code");
    if (in.hasRemaining()) {
      throw new ChainException("guest input has " + in.remaining() + " trailing bytes");
    }
    return new GuestInput(chainId, parent, block, nodes, codes, (int) version);
  }

  private static void writeItem(ByteArrayOutputStream out, Bytes item) {
    writeU32(out, item.length());
    out.writeBytes(item.toArray());
  }

  private static void writeList(ByteArrayOutputStream out, List<Bytes> items) {
    writeU32(out, items.size());
    items.forEach(item -> writeItem(out, item));
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
  }

  private static List<Bytes> readList(ByteBuffer in, String what) {
    long count = u32(in, what + " count");
    // Every item needs at least its 4-byte length: a larger count cannot be honest.
    if (count > in.remaining() / 4) {
      throw new ChainException("guest input claims " + count + " " + what + "s, more than its size allows");
    }
    List<Bytes> items = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      items.add(Bytes.of(take(in, u32(in, what + " length"), what + " " + i)));
    }
    return items;
  }

  private static long u32(ByteBuffer in, String what) {
    if (in.remaining() < 4) {
      throw new ChainException("guest input ends inside the " + what);
    }
    return Integer.toUnsignedLong(in.getInt());
  }

  private static byte[] take(ByteBuffer in, long length, String what) {
    if (length > in.remaining()) {
      throw new ChainException("guest input's " + what + " of " + length + " bytes runs past its end");
    }
    byte[] out = new byte[(int) length];
    in.get(out);
    return out;
  }
}

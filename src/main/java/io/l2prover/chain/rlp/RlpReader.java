package io.l2prover.chain.rlp;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads RLP items one after the other from a byte range, accepting only the canonical encoding:
 * single bytes below 0x80 unwrapped, short forms where they fit, long-form lengths without leading
 * zeros, integers without leading zeros.
 */
public final class RlpReader {

  private final byte[] data;
  private int position;
  private final int end;

  private RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  /** A reader over all of {@code data}; the caller must not change the array afterwards. */
  public static RlpReader of(byte[] data) {
    return new RlpReader(data, 0, data.length);
  }

  /** Whether any item is left to read. */
  public boolean hasNext() {
    return position < end;
  }

  /** Whether the next item is a list. */
  public boolean nextIsList() {
    requireMore();
    return (data[position] & 0xff) >= 0xc0;
  }

  /** Fails unless every byte was read: trailing bytes make an encoding non-canonical. */
  public void requireEnd(String what) {
    if (position != end) {
      throw new RlpException(what + ": " + (end - position) + " unexpected trailing bytes");
    }
  }

  /** Enters the next item, which must be a list; the returned reader covers its payload. */
  public RlpReader enterList() {
    Item item = next();
    if (!item.list) {
      throw new RlpException("expected an RLP list, found a byte string");
    }
    return new RlpReader(data, item.payloadStart, item.payloadEnd);
  }

  /** The next item, which must be a byte string. */
  public byte[] readBytes() {
    Item item = next();
    if (item.list) {
      throw new RlpException("expected an RLP byte string, found a list");
    }
    return Arrays.copyOfRange(data, item.payloadStart, item.payloadEnd);
  }

  /** The next item as a byte string of exactly {@code length} bytes. */
  public byte[] readFixed(int length, String what) {
    byte[] value = readBytes();
    if (value.length != length) {
      throw new RlpException(what + " must be " + length + " bytes, found " + value.length);
    }
    return value;
  }

  /** The next item as an unsigned integer below 2^64 (encoded with at most 8 bytes). */
  public long readU64(String what) {
    byte[] value = readInteger(what, 8);
    long out = 0;
    for (byte b : value) {
      out = (out << 8) | (b & 0xff);
    }
    if (out < 0) {
      // Java longs are signed; quantities this project handles stay below 2^63.
      throw new RlpException(what + " exceeds 2^63 - 1");
    }
    return out;
  }

  /** The next item as an unsigned integer of at most {@code maxBytes} bytes. */
  public BigInteger readUnsigned(String what, int maxBytes) {
    return new BigInteger(1, readInteger(what, maxBytes));
  }

  /** The whole encoding (prefix and payload) of the next item. */
  public byte[] readRaw() {
    int start = position;
    Item item = next();
    return Arrays.copyOfRange(data, start, item.payloadEnd);
  }

  private byte[] readInteger(String what, int maxBytes) {
    byte[] value = readBytes();
    if (value.length > maxBytes) {
      throw new RlpException(what + " is longer than " + maxBytes + " bytes");
    }
    if (value.length > 0 && value[0] == 0) {
      throw new RlpException(what + " has a leading zero byte (non-canonical integer)");
    }
    return value;
  }

  private void requireMore() {
    if (position >= end) {
      throw new RlpException("RLP input ends where an item was expected");
    }
  }

  private Item next() {
    requireMore();
    int prefix = data[position] & 0xff;
    Item item;
    if (prefix < 0x80) {
      item = new Item(false, position, position + 1);
    } else if (prefix <= 0xb7) {
      int length = prefix - 0x80;
      item = new Item(false, position + 1, checkedEnd(position + 1, length));
      if (length == 1 && (data[position + 1] & 0xff) < 0x80) {
        throw new RlpException("single byte below 0x80 must not carry a length prefix");
      }
    } else if (prefix < 0xc0) {
      item = longForm(false, prefix - 0xb7);
    } else if (prefix <= 0xf7) {
      item = new Item(true, position + 1, checkedEnd(position + 1, prefix - 0xc0));
    } else {
      item = longForm(true, prefix - 0xf7);
    }
    position = item.payloadEnd;
    return item;
  }

  private Item longForm(boolean list, int lengthOfLength) {
    int start = position + 1;
    checkedEnd(start, lengthOfLength);
    if (data[start] == 0) {
      throw new RlpException("RLP length has a leading zero byte");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (data[start + i] & 0xff);
      if (length > Integer.MAX_VALUE) {
        throw new RlpException("RLP item longer than 2^31 bytes");
      }
    }
    if (length <= 55) {
      throw new RlpException("RLP long form used for a length of " + length + " (short form required)");
    }
    int payloadStart = start + lengthOfLength;
    return new Item(list, payloadStart, checkedEnd(payloadStart, (int) length));
  }

  private int checkedEnd(int start, int length) {
    if (length > end - start) {
      throw new RlpException("RLP item of " + length + " bytes runs past the end of its input");
    }
    return start + length;
  }

  private record Item(boolean list, int payloadStart, int payloadEnd) {}
}

package io.l2prover.zkvm.receipt;

import java.nio.ByteBuffer;
import java.util.function.Function;

/** Reads a u32 length and that many bytes, refusing a length the input cannot hold. */
final class LengthPrefixed {

  private LengthPrefixed() {}

  static <E extends Exception> byte[] read(ByteBuffer in, String what, Function<String, E> error) throws E {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw error.apply(what + " claims " + Integer.toUnsignedString(length) + " bytes, " + in.remaining() + " left");
    }
    byte[] block = new byte[length];
    in.get(block);
    return block;
  }
}

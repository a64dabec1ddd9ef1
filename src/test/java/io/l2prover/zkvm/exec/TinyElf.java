package io.l2prover.zkvm.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes minimal ELF32 RISC-V executables for tests: code at {@link #TEXT} (R X), zeroed data at {@link #DATA} (R W). */
final class TinyElf {

  static final int TEXT = 0x10000;
  static final int DATA = 0x20000;

  private TinyElf() {}

  /** An executable running {@code code} from {@link #TEXT}, with {@code dataBytes} of zeroed memory at {@link #DATA}. */
  static byte[] of(int[] code, int dataBytes) {
    int headers = 52 + 2 * 32;
    int textOffset = 0x1000;
    int textBytes = code.length * 4;
    ByteBuffer b = ByteBuffer.allocate(textOffset + textBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
    b.position(16);
    b.putShort((short) 2).putShort((short) 243).putInt(1).putInt(TEXT).putInt(52).putInt(0).putInt(0);
    b.putShort((short) 52).putShort((short) 32).putShort((short) 2).putShort((short) 40).putShort((short) 0)
        .putShort((short) 0);
    // PT_LOAD text: R X
    b.putInt(1).putInt(textOffset).putInt(TEXT).putInt(TEXT).putInt(textBytes).putInt(textBytes).putInt(5)
        .putInt(0x1000);
    // PT_LOAD data: R W, bss only
    b.putInt(1).putInt(0).putInt(DATA).putInt(DATA).putInt(0).putInt(dataBytes).putInt(6)
        .putInt(0x1000);
    if (b.position() != headers) {
      throw new IllegalStateException("header layout");
    }
    b.position(textOffset);
    for (int w : code) {
      b.putInt(w);
    }
    return b.array();
  }
}

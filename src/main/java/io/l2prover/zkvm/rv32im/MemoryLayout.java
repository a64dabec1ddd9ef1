package io.l2prover.zkvm.rv32im;

/**
 * Addresses in the memory argument: guest memory by word address (byte address / 4), then the
 * 32 registers just above it (0x38000000 + i). Every address is below 2^30 and every gap between
 * sorted addresses below 0x38000000, so address + 1 + gap < p: sorted addresses with
 * range-checked gaps cannot wrap around the field.
 */
public final class MemoryLayout {

  /** Byte addresses at or above this are outside provable memory. */
  public static final long BYTE_ADDRESS_LIMIT = 0xE000_0000L;

  /** The memory-argument address of register x0; x_i is at REGISTER_BASE + i. */
  public static final int REGISTER_BASE = (int) (BYTE_ADDRESS_LIMIT >>> 2);

  /** Every memory-argument address is below this. */
  public static final int ADDRESS_LIMIT = REGISTER_BASE + 32;

  private MemoryLayout() {}

  public static int register(int index) {
    return REGISTER_BASE + index;
  }
}

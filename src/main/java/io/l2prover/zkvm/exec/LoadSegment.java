package io.l2prover.zkvm.exec;

/**
 * One PT_LOAD segment of a guest: {@code data} (the file bytes) at {@code address}, followed by
 * zeros up to {@code memorySize}, with ELF permission flags (R=4, W=2, X=1).
 */
public record LoadSegment(int address, long memorySize, byte[] data, int flags) {

  public boolean executable() {
    return (flags & Memory.EXECUTE) != 0;
  }

  /** One past the last byte, as an unsigned 64-bit value. */
  public long end() {
    return Integer.toUnsignedLong(address) + memorySize;
  }
}

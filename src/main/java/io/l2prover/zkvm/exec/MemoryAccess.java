package io.l2prover.zkvm.exec;

/**
 * The memory access of one load or store, as the prover's memory argument needs it: the aligned
 * word it touched before and after. The value loaded is the step's rd value, the value stored
 * the low {@code width} bytes of its rs2 value; {@link Semantics#load} and
 * {@link Semantics#store} relate them to the words.
 *
 * @param address the byte address rs1 + imm (naturally aligned for its width: others fault)
 * @param width 1, 2 or 4 bytes
 * @param store true for SB/SH/SW, false for loads
 * @param before the aligned word at {@link #wordAddress()} before the instruction
 * @param after that word after it (equal to {@code before} for a load)
 */
public record MemoryAccess(int address, int width, boolean store, int before, int after) {

  /** The aligned word holding the accessed bytes: {@code address & ~3}. */
  public int wordAddress() {
    return address & ~3;
  }

  /** The byte offset of the access in its word: {@code address & 3}. */
  public int offset() {
    return address & 3;
  }
}

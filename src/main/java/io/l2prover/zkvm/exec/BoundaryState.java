package io.l2prover.zkvm.exec;

import java.util.Arrays;

/**
 * The machine state at a segment boundary that memory pages do not hold: everything, besides the
 * pages it touches, that running one segment on its own needs, and everything that links it to
 * the next segment.
 *
 * @param pc the pc of the next instruction (at the end of the run: the exiting ecall's pc)
 * @param registers x0..x31
 * @param inputPosition bytes of the input (fd 0) consumed so far
 * @param inputEndReported whether a read has already returned 0 at the end of the input (the
 *     next read with a nonzero length faults)
 * @param journalLength bytes written to the journal (fd 3) so far
 * @param halted whether the guest has exited (only at the end of the last segment)
 */
public record BoundaryState(int pc, int[] registers, int inputPosition, boolean inputEndReported, int journalLength,
    boolean halted) {

  public BoundaryState {
    if (registers.length != 32) {
      throw new IllegalArgumentException("32 registers expected, not " + registers.length);
    }
    registers = registers.clone();
  }

  @Override
  public int[] registers() {
    return registers.clone();
  }

  /** Register {@code index} (0..31) without copying them all. */
  public int register(int index) {
    return registers[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoundaryState b && pc == b.pc && Arrays.equals(registers, b.registers)
        && inputPosition == b.inputPosition && inputEndReported == b.inputEndReported
        && journalLength == b.journalLength && halted == b.halted;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(registers) + pc;
  }

  @Override
  public String toString() {
    return String.format("pc 0x%08x, registers %s, input at %d%s, journal %d bytes%s", pc, Arrays.toString(registers),
        inputPosition, inputEndReported ? " (end reported)" : "", journalLength, halted ? ", halted" : "");
  }
}

package io.l2prover.zkvm.exec;

/** Receives, cycle by cycle, what the prover needs to build its trace. */
public interface TraceSink {

  /** No memory access in this cycle. */
  int NO_ADDRESS = -1;
  /** No register written in this cycle. */
  int NO_REGISTER = -1;

  /**
   * One retired instruction.
   *
   * @param cycle its index in the execution, from 0
   * @param pc its address
   * @param instruction its word
   * @param rs1Value value read from rs1 (field bits 19:15), whether or not the instruction uses it
   * @param rs2Value value read from rs2 (bits 24:20), whether or not the instruction uses it
   * @param rd the register written (1..31), or {@link #NO_REGISTER}
   * @param rdValue the value written to rd
   * @param memoryAddress the aligned word address a load or store touched, or {@link #NO_ADDRESS}
   * @param memoryBefore that word before the instruction
   * @param memoryAfter that word after it (equal to before for loads)
   */
  void cycle(long cycle, int pc, int instruction, int rs1Value, int rs2Value, int rd, int rdValue,
      int memoryAddress, int memoryBefore, int memoryAfter);

  /** Bytes the host wrote into guest memory during the ecall of {@code cycle} (input delivered by read). */
  default void hostWrite(long cycle, int address, byte[] data) {}
}

package io.l2prover.zkvm.exec;

/**
 * One retired instruction, with every value the prover's trace needs for its cycle.
 *
 * @param cycle the instruction's index in the execution, from 0
 * @param pc its address
 * @param instruction its word ({@link #decoded()} decodes it)
 * @param nextPc the pc after it; for the exiting ecall, its own pc (the machine halts there)
 * @param rs1 the first source register the instruction reads (its decoded rs1: 0 when it reads none)
 * @param rs1Value the value read from rs1 (0 for x0)
 * @param rs2 the second source register (0 when it reads none)
 * @param rs2Value the value read from rs2
 * @param rd the register written, 1..31, or {@link TraceSink#NO_REGISTER} (x0 is never written; an
 *     ecall other than exit writes its result to a0 = 10)
 * @param rdValue the value written to rd (0 when none)
 * @param memory the load's or store's access, or null for any other instruction
 * @param ecall what the system call did, or null unless the instruction is an ecall
 */
public record TraceStep(long cycle, int pc, int instruction, int nextPc, int rs1, int rs1Value, int rs2,
    int rs2Value, int rd, int rdValue, MemoryAccess memory, Ecall ecall) {

  public Instruction decoded() {
    return Instruction.decode(instruction);
  }

  public boolean writesRegister() {
    return rd != TraceSink.NO_REGISTER;
  }
}

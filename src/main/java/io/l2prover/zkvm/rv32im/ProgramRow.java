package io.l2prover.zkvm.rv32im;

/**
 * One instruction of the program table: its pc and everything the CPU needs of it, decided once
 * from the instruction word so the CPU never decodes. A value is the 32-bit constant a
 * LUI/AUIPC writes (AUIPC's pc already added) or the link pc + 4 a jump writes; a target is a
 * jump's or branch's destination.
 *
 * @param alu the operation the CPU asks of the ALU (register-register, register-immediate, the
 *     branch comparison, the address of a load or store, JALR's target), or null
 * @param immOperand whether the ALU's second operand is the immediate (else rs2's value)
 * @param writesRd whether the instruction writes rd and rd is not x0
 * @param rdFromAlu rd gets the ALU result
 * @param rdFromValue rd gets {@code value} (LUI, AUIPC, JAL, JALR)
 * @param branchNegate the branch is taken when the comparison is false (BNE, BGE, BGEU)
 */
public record ProgramRow(int pc, AluOp alu, boolean immOperand, boolean writesRd, boolean rdFromAlu,
    boolean rdFromValue, boolean branch, boolean branchNegate, boolean jal, boolean jalr, MemOp memOp,
    boolean ecall, int rd, int rs1, int rs2, int imm, int value, int target) {

  /** A no-op row (FENCE): only the pc advances. */
  static ProgramRow nop(int pc) {
    return new ProgramRow(pc, null, false, false, false, false, false, false, false, false, null, false, 0, 0, 0, 0, 0, 0);
  }
}

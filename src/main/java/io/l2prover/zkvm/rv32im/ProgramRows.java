package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Instruction;
import io.l2prover.zkvm.exec.Opcode;
import java.util.Optional;

/**
 * Decides the program-table row of an instruction word at a pc: what the CPU must do with it.
 * The word is decoded by the executor's one decoder; words the executor refuses to run (illegal
 * instructions, EBREAK) get no row, so a trace that reaches one cannot be proven.
 */
public final class ProgramRows {

  private ProgramRows() {}

  public static Optional<ProgramRow> decode(int pc, int word) {
    Instruction i = Instruction.decode(word);
    int rd = i.rd();
    boolean writes = rd != 0;
    return switch (i.op().category()) {
      case UPPER -> Optional.of(value(pc, rd, i.op() == Opcode.LUI ? i.imm() : pc + i.imm()));
      case JUMP -> Optional.of(i.op() == Opcode.JAL
          ? new ProgramRow(pc, null, false, writes, false, true, false, false, true, false, null, false, rd, 0, 0, 0,
              pc + 4, pc + i.imm())
          : new ProgramRow(pc, AluOp.ADD, true, writes, false, true, false, false, false, true, null, false, rd, i.rs1(),
              0, i.imm(), pc + 4, 0));
      case BRANCH -> Optional.of(branch(pc, i));
      case LOAD, STORE -> Optional.of(new ProgramRow(pc, AluOp.ADD, true, i.op().category() == Opcode.Category.LOAD
          && writes, false, false, false, false, false, false, MemOp.valueOf(i.op().name()), false, rd, i.rs1(), i.rs2(),
          i.imm(), 0, 0));
      case ALU, MULDIV -> Optional.of(alu(pc, i));
      case FENCE -> Optional.of(ProgramRow.nop(pc));
      case SYSTEM -> i.op() == Opcode.ECALL
          ? Optional.of(new ProgramRow(pc, null, false, false, false, false, false, false, false, false, null, true, 0, 0,
              0, 0, 0, 0))
          : Optional.empty();
      case ILLEGAL -> Optional.empty();
    };
  }

  private static ProgramRow value(int pc, int rd, int value) {
    return new ProgramRow(pc, null, false, rd != 0, false, true, false, false, false, false, null, false, rd, 0, 0, 0, value,
        0);
  }

  private static ProgramRow branch(int pc, Instruction i) {
    AluOp op = switch (i.op()) {
      case BEQ, BNE -> AluOp.EQ;
      case BLT, BGE -> AluOp.SLT;
      default -> AluOp.SLTU;
    };
    // BEQ/BLT/BLTU are taken when the comparison holds; BNE/BGE/BGEU when it does not.
    boolean negate = i.op() == Opcode.BNE || i.op() == Opcode.BGE || i.op() == Opcode.BGEU;
    return new ProgramRow(pc, op, false, false, false, false, true, negate, false, false, null, false, 0, i.rs1(), i.rs2(),
        0, 0, pc + i.imm());
  }

  private static ProgramRow alu(int pc, Instruction i) {
    boolean immediate = i.op().format() == Opcode.Format.I;
    AluOp op = switch (i.op()) {
      case ADDI -> AluOp.ADD;
      case SLTI -> AluOp.SLT;
      case SLTIU -> AluOp.SLTU;
      case XORI -> AluOp.XOR;
      case ORI -> AluOp.OR;
      case ANDI -> AluOp.AND;
      case SLLI -> AluOp.SLL;
      case SRLI -> AluOp.SRL;
      case SRAI -> AluOp.SRA;
      default -> AluOp.valueOf(i.op().name());
    };
    return new ProgramRow(pc, op, immediate, i.rd() != 0, true, false, false, false, false, false, null, false, i.rd(),
        i.rs1(), i.rs2(), i.imm(), 0, 0);
  }
}

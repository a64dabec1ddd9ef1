package io.l2prover.zkvm.rv32im;

import java.util.Optional;

/**
 * Decides the program-table row of an instruction word at a pc: what the CPU must do with it.
 * Words the executor refuses to run (illegal instructions, EBREAK) get no row, so a trace that
 * reaches one cannot be proven.
 */
public final class ProgramRows {

  private ProgramRows() {}

  public static Optional<ProgramRow> decode(int pc, int insn) {
    if ((insn & 3) != 3) {
      return Optional.empty();
    }
    int rd = (insn >>> 7) & 31;
    int rs1 = (insn >>> 15) & 31;
    int rs2 = (insn >>> 20) & 31;
    int funct3 = (insn >>> 12) & 7;
    int funct7 = insn >>> 25;
    int iImm = insn >> 20;
    boolean writes = rd != 0;
    return switch (insn & 0x7f) {
      case 0x37 -> Optional.of(value(pc, rd, insn & 0xfffff000));
      case 0x17 -> Optional.of(value(pc, rd, pc + (insn & 0xfffff000)));
      case 0x6f -> Optional.of(new ProgramRow(pc, null, false, writes, false, true, false, false, true, false, null, false,
          rd, 0, 0, 0, pc + 4, pc + jImmediate(insn)));
      case 0x67 -> funct3 != 0 ? Optional.empty() : Optional.of(new ProgramRow(pc, AluOp.ADD, true, writes, false, true,
          false, false, false, true, null, false, rd, rs1, rs2, iImm, pc + 4, 0));
      case 0x63 -> branch(pc, funct3, rs1, rs2, pc + bImmediate(insn));
      case 0x03 -> memory(pc, switch (funct3) {
        case 0 -> MemOp.LB;
        case 1 -> MemOp.LH;
        case 2 -> MemOp.LW;
        case 4 -> MemOp.LBU;
        case 5 -> MemOp.LHU;
        default -> null;
      }, rd, rs1, rs2, iImm);
      case 0x23 -> memory(pc, switch (funct3) {
        case 0 -> MemOp.SB;
        case 1 -> MemOp.SH;
        case 2 -> MemOp.SW;
        default -> null;
      }, 0, rs1, rs2, (insn >> 25) << 5 | ((insn >>> 7) & 31));
      case 0x13 -> immediateAlu(pc, funct3, funct7, rd, rs1, rs2, iImm);
      case 0x33 -> registerAlu(pc, funct3, funct7, rd, rs1, rs2);
      case 0x0f -> Optional.of(ProgramRow.nop(pc));
      case 0x73 -> insn == 0x00000073
          ? Optional.of(new ProgramRow(pc, null, false, false, false, false, false, false, false, false, null, true, 0, 0, 0, 0,
              0, 0))
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static ProgramRow value(int pc, int rd, int value) {
    return new ProgramRow(pc, null, false, rd != 0, false, true, false, false, false, false, null, false, rd, 0, 0, 0, value,
        0);
  }

  private static Optional<ProgramRow> branch(int pc, int funct3, int rs1, int rs2, int target) {
    AluOp op = switch (funct3) {
      case 0, 1 -> AluOp.EQ;
      case 4, 5 -> AluOp.SLT;
      case 6, 7 -> AluOp.SLTU;
      default -> null;
    };
    if (op == null) {
      return Optional.empty();
    }
    // BEQ/BLT/BLTU are taken when the comparison holds; BNE/BGE/BGEU when it does not.
    boolean negate = (funct3 & 1) == 1;
    return Optional.of(new ProgramRow(pc, op, false, false, false, false, true, negate, false, false, null, false, 0, rs1,
        rs2, 0, 0, target));
  }

  private static Optional<ProgramRow> memory(int pc, MemOp op, int rd, int rs1, int rs2, int imm) {
    if (op == null) {
      return Optional.empty();
    }
    return Optional.of(new ProgramRow(pc, AluOp.ADD, true, !op.store() && rd != 0, false, false, false, false, false,
        false, op, false, rd, rs1, rs2, imm, 0, 0));
  }

  private static Optional<ProgramRow> immediateAlu(int pc, int funct3, int funct7, int rd, int rs1, int rs2, int imm) {
    AluOp op = switch (funct3) {
      case 0 -> AluOp.ADD;
      case 1 -> funct7 == 0 ? AluOp.SLL : null;
      case 2 -> AluOp.SLT;
      case 3 -> AluOp.SLTU;
      case 4 -> AluOp.XOR;
      case 5 -> funct7 == 0 ? AluOp.SRL : funct7 == 0x20 ? AluOp.SRA : null;
      case 6 -> AluOp.OR;
      default -> AluOp.AND;
    };
    if (op == null) {
      return Optional.empty();
    }
    // Shift immediates are the low 5 bits; SRAI's funct7 bit is not part of the amount.
    int operand = (op == AluOp.SLL || op == AluOp.SRL || op == AluOp.SRA) ? imm & 31 : imm;
    return Optional.of(alu(pc, op, true, rd, rs1, rs2, operand));
  }

  private static Optional<ProgramRow> registerAlu(int pc, int funct3, int funct7, int rd, int rs1, int rs2) {
    AluOp op = switch (funct7) {
      case 0 -> switch (funct3) {
        case 0 -> AluOp.ADD;
        case 1 -> AluOp.SLL;
        case 2 -> AluOp.SLT;
        case 3 -> AluOp.SLTU;
        case 4 -> AluOp.XOR;
        case 5 -> AluOp.SRL;
        case 6 -> AluOp.OR;
        default -> AluOp.AND;
      };
      case 0x20 -> funct3 == 0 ? AluOp.SUB : funct3 == 5 ? AluOp.SRA : null;
      case 1 -> switch (funct3) {
        case 0 -> AluOp.MUL;
        case 1 -> AluOp.MULH;
        case 2 -> AluOp.MULHSU;
        case 3 -> AluOp.MULHU;
        case 4 -> AluOp.DIV;
        case 5 -> AluOp.DIVU;
        case 6 -> AluOp.REM;
        default -> AluOp.REMU;
      };
      default -> null;
    };
    return op == null ? Optional.empty() : Optional.of(alu(pc, op, false, rd, rs1, rs2, 0));
  }

  private static ProgramRow alu(int pc, AluOp op, boolean immOperand, int rd, int rs1, int rs2, int imm) {
    return new ProgramRow(pc, op, immOperand, rd != 0, true, false, false, false, false, false, null, false, rd, rs1, rs2,
        imm, 0, 0);
  }

  private static int jImmediate(int insn) {
    return (insn >> 31) << 20 | ((insn >>> 12) & 0xff) << 12 | ((insn >>> 20) & 1) << 11 | ((insn >>> 21) & 0x3ff) << 1;
  }

  private static int bImmediate(int insn) {
    return (insn >> 31) << 12 | ((insn >>> 7) & 1) << 11 | ((insn >>> 25) & 0x3f) << 5 | ((insn >>> 8) & 0xf) << 1;
  }
}

package io.l2prover.zkvm.exec;

/**
 * Turns RV32IM instruction words into the machine's predecoded form: a packed word (operation,
 * rd, rs1, rs2) and an immediate. Branch and jump immediates become absolute targets and AUIPC
 * becomes LUI of the final value, because a slot's pc is fixed.
 */
final class Decoder {

  private Decoder() {}

  static int op(int packed) {
    return packed & 0xff;
  }

  static int rd(int packed) {
    return (packed >>> 8) & 0x3f;
  }

  static int rs1(int packed) {
    return (packed >>> 14) & 0x1f;
  }

  static int rs2(int packed) {
    return (packed >>> 19) & 0x1f;
  }

  /** Decodes {@code insn} found at {@code pc} into {@code code[slot * 2]} and {@code code[slot * 2 + 1]}. */
  static void decodeInto(int[] code, int slot, int insn, int pc) {
    int rdField = (insn >>> 7) & 31;
    int rs1 = (insn >>> 15) & 31;
    int rs2 = (insn >>> 20) & 31;
    int funct3 = (insn >>> 12) & 7;
    int funct7 = insn >>> 25;
    int op = Op.ILLEGAL;
    int imm = 0;
    if ((insn & 3) == 3) {
      switch (insn & 0x7f) {
        case 0x37 -> {
          op = Op.LUI;
          imm = insn & 0xfffff000;
        }
        case 0x17 -> {
          op = Op.LUI;
          imm = pc + (insn & 0xfffff000);
        }
        case 0x6f -> {
          op = Op.JAL;
          imm = pc + jImmediate(insn);
        }
        case 0x67 -> {
          if (funct3 == 0) {
            op = Op.JALR;
            imm = insn >> 20;
          }
        }
        case 0x63 -> {
          op = switch (funct3) {
            case 0 -> Op.BEQ;
            case 1 -> Op.BNE;
            case 4 -> Op.BLT;
            case 5 -> Op.BGE;
            case 6 -> Op.BLTU;
            case 7 -> Op.BGEU;
            default -> Op.ILLEGAL;
          };
          imm = pc + bImmediate(insn);
        }
        case 0x03 -> {
          op = switch (funct3) {
            case 0 -> Op.LB;
            case 1 -> Op.LH;
            case 2 -> Op.LW;
            case 4 -> Op.LBU;
            case 5 -> Op.LHU;
            default -> Op.ILLEGAL;
          };
          imm = insn >> 20;
        }
        case 0x23 -> {
          op = switch (funct3) {
            case 0 -> Op.SB;
            case 1 -> Op.SH;
            case 2 -> Op.SW;
            default -> Op.ILLEGAL;
          };
          imm = sImmediate(insn);
        }
        case 0x13 -> {
          imm = insn >> 20;
          op = switch (funct3) {
            case 0 -> Op.ADDI;
            case 2 -> Op.SLTI;
            case 3 -> Op.SLTIU;
            case 4 -> Op.XORI;
            case 6 -> Op.ORI;
            case 7 -> Op.ANDI;
            case 1 -> funct7 == 0 ? Op.SLLI : Op.ILLEGAL;
            default -> funct7 == 0 ? Op.SRLI : funct7 == 0x20 ? Op.SRAI : Op.ILLEGAL;
          };
          if (funct3 == 1 || funct3 == 5) {
            imm = rs2; // shamt
          }
        }
        case 0x33 -> op = registerOp(funct3, funct7);
        case 0x0f -> op = funct3 == 0 ? Op.FENCE : Op.ILLEGAL;
        case 0x73 -> op = insn == 0x00000073 ? Op.ECALL : insn == 0x00100073 ? Op.EBREAK : Op.ILLEGAL;
        default -> op = Op.ILLEGAL;
      }
    }
    int rd = rdField == 0 ? Op.SINK : rdField;
    code[slot * 2] = op | rd << 8 | rs1 << 14 | rs2 << 19;
    code[slot * 2 + 1] = imm;
  }

  private static int registerOp(int funct3, int funct7) {
    if (funct7 == 0) {
      return switch (funct3) {
        case 0 -> Op.ADD;
        case 1 -> Op.SLL;
        case 2 -> Op.SLT;
        case 3 -> Op.SLTU;
        case 4 -> Op.XOR;
        case 5 -> Op.SRL;
        case 6 -> Op.OR;
        default -> Op.AND;
      };
    }
    if (funct7 == 0x20) {
      return funct3 == 0 ? Op.SUB : funct3 == 5 ? Op.SRA : Op.ILLEGAL;
    }
    if (funct7 == 1) {
      return Op.MUL + funct3; // MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU in funct3 order
    }
    return Op.ILLEGAL;
  }

  static int sImmediate(int insn) {
    return ((insn >> 25) << 5) | ((insn >>> 7) & 0x1f);
  }

  static int bImmediate(int insn) {
    return ((insn >> 31) << 12)
        | (((insn >>> 7) & 1) << 11)
        | (((insn >>> 25) & 0x3f) << 5)
        | (((insn >>> 8) & 0xf) << 1);
  }

  static int jImmediate(int insn) {
    return ((insn >> 31) << 20)
        | (((insn >>> 12) & 0xff) << 12)
        | (((insn >>> 20) & 1) << 11)
        | (((insn >>> 21) & 0x3ff) << 1);
  }
}

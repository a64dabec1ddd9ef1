package io.l2prover.zkvm.exec;

/**
 * One decoded RV32IM instruction: the only decoder of instruction words in the executor (the
 * interpreter's packed form and the disassembler are derived from it).
 *
 * <p>Which fields an operation uses is given by its {@link Opcode.Format}; unused fields are 0, so
 * an unused source register reads as x0. {@code imm} is already sign-extended and scaled as the
 * ISA manual says: I and S formats 12 bits, B 13 bits and J 21 bits (offsets from the
 * instruction's own pc), U the upper 20 bits in place, and for SLLI, SRLI, SRAI the shift amount.
 *
 * @param op the operation ({@link Opcode#ILLEGAL} for any word the zkVM does not run)
 * @param rd destination register 0..31 (R, I, U, J formats)
 * @param rs1 first source register 0..31 (R, I, S, B formats)
 * @param rs2 second source register 0..31 (R, S, B formats)
 * @param imm the immediate (I, S, B, U, J formats)
 */
public record Instruction(Opcode op, int rd, int rs1, int rs2, int imm) {

  private static final Instruction ILLEGAL = new Instruction(Opcode.ILLEGAL, 0, 0, 0, 0);

  /** Decodes one 32-bit instruction word; a word that is not RV32IM decodes to {@link Opcode#ILLEGAL}. */
  public static Instruction decode(int word) {
    Opcode op = opcode(word);
    if (op == Opcode.ILLEGAL) {
      return ILLEGAL;
    }
    int rd = (word >>> 7) & 31;
    int rs1 = (word >>> 15) & 31;
    int rs2 = (word >>> 20) & 31;
    return switch (op.format()) {
      case R -> new Instruction(op, rd, rs1, rs2, 0);
      case I -> new Instruction(op, rd, rs1, 0, isShiftImmediate(op) ? rs2 : word >> 20);
      case S -> new Instruction(op, 0, rs1, rs2, ((word >> 25) << 5) | ((word >>> 7) & 0x1f));
      case B -> new Instruction(op, 0, rs1, rs2, ((word >> 31) << 12)
          | (((word >>> 7) & 1) << 11)
          | (((word >>> 25) & 0x3f) << 5)
          | (((word >>> 8) & 0xf) << 1));
      case U -> new Instruction(op, rd, 0, 0, word & 0xfffff000);
      case J -> new Instruction(op, rd, 0, 0, ((word >> 31) << 20)
          | (((word >>> 12) & 0xff) << 12)
          | (((word >>> 20) & 1) << 11)
          | (((word >>> 21) & 0x3ff) << 1));
      case NONE -> new Instruction(op, 0, 0, 0, 0);
    };
  }

  private static boolean isShiftImmediate(Opcode op) {
    return op == Opcode.SLLI || op == Opcode.SRLI || op == Opcode.SRAI;
  }

  /** The operation of {@code word}, from its opcode, funct3 and funct7 fields. */
  private static Opcode opcode(int word) {
    if ((word & 3) != 3) {
      return Opcode.ILLEGAL; // a compressed (RVC) instruction
    }
    int funct3 = (word >>> 12) & 7;
    int funct7 = word >>> 25;
    return switch (word & 0x7f) {
      case 0x37 -> Opcode.LUI;
      case 0x17 -> Opcode.AUIPC;
      case 0x6f -> Opcode.JAL;
      case 0x67 -> funct3 == 0 ? Opcode.JALR : Opcode.ILLEGAL;
      case 0x63 -> switch (funct3) {
        case 0 -> Opcode.BEQ;
        case 1 -> Opcode.BNE;
        case 4 -> Opcode.BLT;
        case 5 -> Opcode.BGE;
        case 6 -> Opcode.BLTU;
        case 7 -> Opcode.BGEU;
        default -> Opcode.ILLEGAL;
      };
      case 0x03 -> switch (funct3) {
        case 0 -> Opcode.LB;
        case 1 -> Opcode.LH;
        case 2 -> Opcode.LW;
        case 4 -> Opcode.LBU;
        case 5 -> Opcode.LHU;
        default -> Opcode.ILLEGAL;
      };
      case 0x23 -> switch (funct3) {
        case 0 -> Opcode.SB;
        case 1 -> Opcode.SH;
        case 2 -> Opcode.SW;
        default -> Opcode.ILLEGAL;
      };
      case 0x13 -> switch (funct3) {
        case 0 -> Opcode.ADDI;
        case 2 -> Opcode.SLTI;
        case 3 -> Opcode.SLTIU;
        case 4 -> Opcode.XORI;
        case 6 -> Opcode.ORI;
        case 7 -> Opcode.ANDI;
        // RV32 shifts: imm[11:5] is 0 (0x20 for SRAI); bit 25 set would be RV64's 6-bit shamt.
        case 1 -> funct7 == 0 ? Opcode.SLLI : Opcode.ILLEGAL;
        default -> funct7 == 0 ? Opcode.SRLI : funct7 == 0x20 ? Opcode.SRAI : Opcode.ILLEGAL;
      };
      case 0x33 -> registerOpcode(funct3, funct7);
      case 0x0f -> funct3 == 0 ? Opcode.FENCE : Opcode.ILLEGAL; // FENCE.I (Zifencei) is not RV32IM
      case 0x73 -> word == 0x00000073 ? Opcode.ECALL : word == 0x00100073 ? Opcode.EBREAK : Opcode.ILLEGAL;
      default -> Opcode.ILLEGAL;
    };
  }

  private static Opcode registerOpcode(int funct3, int funct7) {
    return switch (funct7) {
      case 0 -> switch (funct3) {
        case 0 -> Opcode.ADD;
        case 1 -> Opcode.SLL;
        case 2 -> Opcode.SLT;
        case 3 -> Opcode.SLTU;
        case 4 -> Opcode.XOR;
        case 5 -> Opcode.SRL;
        case 6 -> Opcode.OR;
        default -> Opcode.AND;
      };
      case 0x20 -> funct3 == 0 ? Opcode.SUB : funct3 == 5 ? Opcode.SRA : Opcode.ILLEGAL;
      case 1 -> switch (funct3) {
        case 0 -> Opcode.MUL;
        case 1 -> Opcode.MULH;
        case 2 -> Opcode.MULHSU;
        case 3 -> Opcode.MULHU;
        case 4 -> Opcode.DIV;
        case 5 -> Opcode.DIVU;
        case 6 -> Opcode.REM;
        default -> Opcode.REMU;
      };
      default -> Opcode.ILLEGAL;
    };
  }
}

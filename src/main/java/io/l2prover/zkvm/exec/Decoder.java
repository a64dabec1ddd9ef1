package io.l2prover.zkvm.exec;

/**
 * Packs {@link Instruction}s into the machine's predecoded form: a packed word (operation, rd,
 * rs1, rs2) and an immediate. It decodes nothing itself: {@link Instruction#decode(int)} does,
 * and this maps its {@link Opcode} onto the dense {@link Op} numbers of the dispatch switch.
 * Branch and jump immediates become absolute targets and AUIPC becomes LUI of the final value,
 * because a slot's pc is fixed.
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
    Instruction i = Instruction.decode(insn);
    int imm = switch (i.op()) {
      case AUIPC, JAL, BEQ, BNE, BLT, BGE, BLTU, BGEU -> pc + i.imm();
      default -> i.imm();
    };
    int rd = i.rd() == 0 ? Op.SINK : i.rd();
    code[slot * 2] = op(i.op()) | rd << 8 | i.rs1() << 14 | i.rs2() << 19;
    code[slot * 2 + 1] = imm;
  }

  private static final Opcode[] OPCODES = new Opcode[Op.REMU + 1];

  static {
    for (Opcode o : Opcode.values()) {
      if (OPCODES[op(o)] == null) {
        OPCODES[op(o)] = o; // LUI, not AUIPC, for the shared number
      }
    }
  }

  /** The operation behind dispatch number {@code op} (LUI for the folded AUIPC; ILLEGAL for NOT_EXECUTABLE). */
  static Opcode opcode(int op) {
    return op == Op.NOT_EXECUTABLE ? Opcode.ILLEGAL : OPCODES[op];
  }

  /** The dispatch number of {@code op}; the switch is exhaustive, so a new {@link Opcode} cannot be forgotten here. */
  static int op(Opcode op) {
    return switch (op) {
      case LUI, AUIPC -> Op.LUI;
      case JAL -> Op.JAL;
      case JALR -> Op.JALR;
      case BEQ -> Op.BEQ;
      case BNE -> Op.BNE;
      case BLT -> Op.BLT;
      case BGE -> Op.BGE;
      case BLTU -> Op.BLTU;
      case BGEU -> Op.BGEU;
      case LB -> Op.LB;
      case LH -> Op.LH;
      case LW -> Op.LW;
      case LBU -> Op.LBU;
      case LHU -> Op.LHU;
      case SB -> Op.SB;
      case SH -> Op.SH;
      case SW -> Op.SW;
      case ADDI -> Op.ADDI;
      case SLTI -> Op.SLTI;
      case SLTIU -> Op.SLTIU;
      case XORI -> Op.XORI;
      case ORI -> Op.ORI;
      case ANDI -> Op.ANDI;
      case SLLI -> Op.SLLI;
      case SRLI -> Op.SRLI;
      case SRAI -> Op.SRAI;
      case ADD -> Op.ADD;
      case SUB -> Op.SUB;
      case SLL -> Op.SLL;
      case SLT -> Op.SLT;
      case SLTU -> Op.SLTU;
      case XOR -> Op.XOR;
      case SRL -> Op.SRL;
      case SRA -> Op.SRA;
      case OR -> Op.OR;
      case AND -> Op.AND;
      case MUL -> Op.MUL;
      case MULH -> Op.MULH;
      case MULHSU -> Op.MULHSU;
      case MULHU -> Op.MULHU;
      case DIV -> Op.DIV;
      case DIVU -> Op.DIVU;
      case REM -> Op.REM;
      case REMU -> Op.REMU;
      case FENCE -> Op.FENCE;
      case ECALL -> Op.ECALL;
      case EBREAK -> Op.EBREAK;
      case ILLEGAL -> Op.ILLEGAL;
    };
  }
}

package io.l2prover.zkvm.exec;

/** Renders one RV32IM instruction word as assembly text, for error messages and trace dumps. */
public final class Disassembler {

  private static final String[] REGISTER_NAMES = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"
  };

  private static final String[] MNEMONICS = {
    "illegal", "not-executable", "lui", "jal", "jalr", "beq", "bne", "blt", "bge", "bltu", "bgeu",
    "lb", "lh", "lw", "lbu", "lhu", "sb", "sh", "sw", "addi", "slti", "sltiu", "xori", "ori", "andi",
    "slli", "srli", "srai", "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
    "fence", "ecall", "ebreak", "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"
  };

  private Disassembler() {}

  /** The ABI name of register {@code index} (0..31). */
  public static String register(int index) {
    return REGISTER_NAMES[index];
  }

  /** {@code insn} as found at {@code pc}, e.g. {@code "lw a0, 4(sp)"}; undecodable words say so. */
  public static String format(int insn, int pc) {
    int[] decoded = new int[2];
    Decoder.decodeInto(decoded, 0, insn, pc);
    int op = Decoder.op(decoded[0]);
    int imm = decoded[1];
    String rd = register((insn >>> 7) & 31);
    String rs1 = register(Decoder.rs1(decoded[0]));
    String rs2 = register(Decoder.rs2(decoded[0]));
    String name = MNEMONICS[op];
    if (op == Op.ILLEGAL) {
      return (insn & 3) != 3 ? "compressed or invalid instruction" : "illegal instruction";
    }
    if (op == Op.LUI) {
      return ((insn & 0x7f) == 0x17 ? "auipc " : "lui ") + rd + ", 0x" + Integer.toHexString((insn >>> 12));
    }
    if (op == Op.JAL) {
      return "jal " + rd + ", 0x" + hex(imm);
    }
    if (op == Op.JALR || (op >= Op.LB && op <= Op.LHU)) {
      return name + " " + rd + ", " + imm + "(" + rs1 + ")";
    }
    if (op >= Op.BEQ && op <= Op.BGEU) {
      return name + " " + rs1 + ", " + rs2 + ", 0x" + hex(imm);
    }
    if (op >= Op.SB && op <= Op.SW) {
      return name + " " + rs2 + ", " + imm + "(" + rs1 + ")";
    }
    if (op >= Op.ADDI && op <= Op.SRAI) {
      return name + " " + rd + ", " + rs1 + ", " + imm;
    }
    if (op == Op.FENCE || op == Op.ECALL || op == Op.EBREAK) {
      return name;
    }
    return name + " " + rd + ", " + rs1 + ", " + rs2;
  }

  /** Eight lower-case hex digits. */
  public static String hex(int value) {
    return String.format("%08x", value);
  }
}

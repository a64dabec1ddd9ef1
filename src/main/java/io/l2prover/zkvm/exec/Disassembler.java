package io.l2prover.zkvm.exec;

/** Renders one RV32IM instruction word as assembly text, for error messages and trace dumps. */
public final class Disassembler {

  private static final String[] REGISTER_NAMES = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"
  };

  private Disassembler() {}

  /** The ABI name of register {@code index} (0..31). */
  public static String register(int index) {
    return REGISTER_NAMES[index];
  }

  /** {@code insn} as found at {@code pc}, e.g. {@code "lw a0, 4(sp)"}; undecodable words say so. */
  public static String format(int insn, int pc) {
    Instruction i = Instruction.decode(insn);
    Opcode op = i.op();
    String name = op.mnemonic();
    String rd = register(i.rd());
    String rs1 = register(i.rs1());
    String rs2 = register(i.rs2());
    return switch (op.category()) {
      case ILLEGAL -> (insn & 3) != 3 ? "compressed or invalid instruction" : "illegal instruction";
      case UPPER -> name + " " + rd + ", 0x" + Integer.toHexString(i.imm() >>> 12);
      case BRANCH -> name + " " + rs1 + ", " + rs2 + ", 0x" + String.format("%08x", pc + i.imm());
      case STORE -> name + " " + rs2 + ", " + i.imm() + "(" + rs1 + ")";
      case LOAD -> name + " " + rd + ", " + i.imm() + "(" + rs1 + ")";
      case JUMP -> op == Opcode.JAL
          ? name + " " + rd + ", 0x" + String.format("%08x", pc + i.imm())
          : name + " " + rd + ", " + i.imm() + "(" + rs1 + ")";
      case FENCE, SYSTEM -> name;
      case ALU, MULDIV -> op.format() == Opcode.Format.I
          ? name + " " + rd + ", " + rs1 + ", " + i.imm()
          : name + " " + rd + ", " + rs1 + ", " + rs2;
    };
  }
}

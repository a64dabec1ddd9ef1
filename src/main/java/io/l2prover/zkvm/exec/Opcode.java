package io.l2prover.zkvm.exec;

/**
 * Every RV32IM operation, as {@link Instruction#decode(int)} names it, with its encoding format
 * and the category the prover groups it in.
 */
public enum Opcode {
  LUI(Format.U, Category.UPPER),
  AUIPC(Format.U, Category.UPPER),
  JAL(Format.J, Category.JUMP),
  JALR(Format.I, Category.JUMP),
  BEQ(Format.B, Category.BRANCH),
  BNE(Format.B, Category.BRANCH),
  BLT(Format.B, Category.BRANCH),
  BGE(Format.B, Category.BRANCH),
  BLTU(Format.B, Category.BRANCH),
  BGEU(Format.B, Category.BRANCH),
  LB(Format.I, Category.LOAD),
  LH(Format.I, Category.LOAD),
  LW(Format.I, Category.LOAD),
  LBU(Format.I, Category.LOAD),
  LHU(Format.I, Category.LOAD),
  SB(Format.S, Category.STORE),
  SH(Format.S, Category.STORE),
  SW(Format.S, Category.STORE),
  ADDI(Format.I, Category.ALU),
  SLTI(Format.I, Category.ALU),
  SLTIU(Format.I, Category.ALU),
  XORI(Format.I, Category.ALU),
  ORI(Format.I, Category.ALU),
  ANDI(Format.I, Category.ALU),
  SLLI(Format.I, Category.ALU),
  SRLI(Format.I, Category.ALU),
  SRAI(Format.I, Category.ALU),
  ADD(Format.R, Category.ALU),
  SUB(Format.R, Category.ALU),
  SLL(Format.R, Category.ALU),
  SLT(Format.R, Category.ALU),
  SLTU(Format.R, Category.ALU),
  XOR(Format.R, Category.ALU),
  SRL(Format.R, Category.ALU),
  SRA(Format.R, Category.ALU),
  OR(Format.R, Category.ALU),
  AND(Format.R, Category.ALU),
  MUL(Format.R, Category.MULDIV),
  MULH(Format.R, Category.MULDIV),
  MULHSU(Format.R, Category.MULDIV),
  MULHU(Format.R, Category.MULDIV),
  DIV(Format.R, Category.MULDIV),
  DIVU(Format.R, Category.MULDIV),
  REM(Format.R, Category.MULDIV),
  REMU(Format.R, Category.MULDIV),
  FENCE(Format.NONE, Category.FENCE),
  ECALL(Format.NONE, Category.SYSTEM),
  EBREAK(Format.NONE, Category.SYSTEM),
  /** Any word that is not an RV32IM instruction (compressed, CSR, reserved encodings...): executing it faults. */
  ILLEGAL(Format.NONE, Category.ILLEGAL);

  /**
   * Which fields of an {@link Instruction} an encoding format carries; the others are 0.
   * Immediates are sign-extended as the ISA manual says (chapter 2.3).
   */
  public enum Format {
    /** rd, rs1, rs2; imm 0. */
    R,
    /** rd, rs1, imm: 12 bits sign-extended; for SLLI, SRLI, SRAI the shift amount 0..31. */
    I,
    /** rs1, rs2, imm: 12 bits sign-extended (the store offset). */
    S,
    /** rs1, rs2, imm: 13 bits sign-extended, even (the branch offset from the instruction's pc). */
    B,
    /** rd, imm: the upper 20 bits in place, low 12 bits zero. */
    U,
    /** rd, imm: 21 bits sign-extended, even (the jump offset from the instruction's pc). */
    J,
    /** No register or immediate field (FENCE's ordering bits are ignored: it is a no-op here). */
    NONE
  }

  /** What an operation does, as the prover groups operations. */
  public enum Category {
    /** rd = f(rs1, rs2) for R format, f(rs1, imm) for I format: {@link Semantics#alu}. */
    ALU,
    /** The M extension, rd = f(rs1, rs2): {@link Semantics#alu}. */
    MULDIV,
    /** rd = the extended value at rs1 + imm: {@link Semantics#load}. */
    LOAD,
    /** The low bytes of rs2 stored at rs1 + imm: {@link Semantics#store}. */
    STORE,
    /** pc += imm if {@link Semantics#branch} holds, else pc += 4. */
    BRANCH,
    /** JAL: rd = pc + 4, pc += imm. JALR: rd = pc + 4, pc = (rs1 + imm) & ~1. */
    JUMP,
    /** LUI: rd = imm. AUIPC: rd = pc + imm. */
    UPPER,
    /** A no-op. */
    FENCE,
    /** ECALL (a system call, see {@link Ecall}) and EBREAK (a fault). */
    SYSTEM,
    /** Faults. */
    ILLEGAL
  }

  private final Format format;
  private final Category category;

  Opcode(Format format, Category category) {
    this.format = format;
    this.category = category;
  }

  public Format format() {
    return format;
  }

  public Category category() {
    return category;
  }

  /** The assembler name, e.g. {@code "mulhsu"}. */
  public String mnemonic() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the instruction reads register rs1. */
  public boolean readsRs1() {
    return format == Format.R || format == Format.I || format == Format.S || format == Format.B;
  }

  /** Whether the instruction reads register rs2. */
  public boolean readsRs2() {
    return format == Format.R || format == Format.S || format == Format.B;
  }

  /** Whether the instruction writes register rd (never x0; ECALL's results in a0 are not counted here). */
  public boolean writesRd() {
    return format == Format.R || format == Format.I || format == Format.U || format == Format.J;
  }

  /** Bytes a load or store moves (1, 2 or 4), 0 for any other operation. */
  public int width() {
    return switch (this) {
      case LB, LBU, SB -> 1;
      case LH, LHU, SH -> 2;
      case LW, SW -> 4;
      default -> 0;
    };
  }
}

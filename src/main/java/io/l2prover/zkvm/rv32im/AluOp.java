package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Semantics;

/**
 * The word operations the CPU asks of the ALU chips: tuples (op, a, b, c) on {@link Bus#ALU}
 * with c = op(a, b). EQ is internal (branches); the others are the RV32IM operations.
 */
public enum AluOp {
  ADD(1),
  SUB(2),
  SLT(3),
  SLTU(4),
  EQ(5),
  AND(6),
  OR(7),
  XOR(8),
  SLL(9),
  SRL(10),
  SRA(11),
  MUL(12),
  MULH(13),
  MULHSU(14),
  MULHU(15),
  DIV(16),
  DIVU(17),
  REM(18),
  REMU(19);

  private final int id;

  AluOp(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The result the RISC-V specification gives (EQ: 1 when equal), from the executor's one semantics. */
  public int apply(int a, int b) {
    return switch (this) {
      case ADD -> Semantics.add(a, b);
      case SUB -> Semantics.sub(a, b);
      case SLT -> Semantics.slt(a, b);
      case SLTU -> Semantics.sltu(a, b);
      case EQ -> Semantics.beq(a, b) ? 1 : 0;
      case AND -> Semantics.and(a, b);
      case OR -> Semantics.or(a, b);
      case XOR -> Semantics.xor(a, b);
      case SLL -> Semantics.sll(a, b);
      case SRL -> Semantics.srl(a, b);
      case SRA -> Semantics.sra(a, b);
      case MUL -> Semantics.mul(a, b);
      case MULH -> Semantics.mulh(a, b);
      case MULHSU -> Semantics.mulhsu(a, b);
      case MULHU -> Semantics.mulhu(a, b);
      case DIV -> Semantics.div(a, b);
      case DIVU -> Semantics.divu(a, b);
      case REM -> Semantics.rem(a, b);
      case REMU -> Semantics.remu(a, b);
    };
  }
}

package io.l2prover.zkvm.rv32im;

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

  /** The result the RISC-V specification gives (EQ: 1 when equal). */
  public int apply(int a, int b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case SLT -> a < b ? 1 : 0;
      case SLTU -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
      case EQ -> a == b ? 1 : 0;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      case SLL -> a << (b & 31);
      case SRL -> a >>> (b & 31);
      case SRA -> a >> (b & 31);
      case MUL -> a * b;
      case MULH -> (int) (((long) a * (long) b) >> 32);
      case MULHSU -> (int) (((long) a * Integer.toUnsignedLong(b)) >> 32);
      case MULHU -> (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32);
      case DIV -> b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b;
      case DIVU -> b == 0 ? -1 : Integer.divideUnsigned(a, b);
      case REM -> b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
      case REMU -> b == 0 ? a : Integer.remainderUnsigned(a, b);
    };
  }
}

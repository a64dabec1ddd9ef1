package io.l2prover.zkvm.exec;

/**
 * The RV32IM instruction semantics, as pure functions: the one reference that the interpreter,
 * the bytecode translator and the prover's trace builder all follow.
 *
 * <p>Values are 32-bit two's complement ints; "unsigned" operations read them as unsigned.
 * Shift amounts use their low 5 bits (Java's int shifts do exactly that). Division follows the
 * M extension's table: x / 0 = -1 (all ones, also unsigned), x % 0 = x, and the signed overflow
 * {@code MIN_VALUE / -1 = MIN_VALUE}, {@code MIN_VALUE % -1 = 0} (as Java's int division does).
 * Several methods compile to a single JVM instruction; the translator emits that instruction
 * instead of a call, and {@code SemanticsTest} checks the bytecode so the two cannot drift apart.
 */
public final class Semantics {

  private Semantics() {}

  public static int add(int a, int b) {
    return a + b;
  }

  public static int sub(int a, int b) {
    return a - b;
  }

  public static int sll(int a, int b) {
    return a << b;
  }

  public static int slt(int a, int b) {
    return a < b ? 1 : 0;
  }

  public static int sltu(int a, int b) {
    return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  public static int xor(int a, int b) {
    return a ^ b;
  }

  public static int srl(int a, int b) {
    return a >>> b;
  }

  public static int sra(int a, int b) {
    return a >> b;
  }

  public static int or(int a, int b) {
    return a | b;
  }

  public static int and(int a, int b) {
    return a & b;
  }

  /** Low 32 bits of the product (the same signed or unsigned). */
  public static int mul(int a, int b) {
    return a * b;
  }

  /** High 32 bits of the signed × signed product. */
  public static int mulh(int a, int b) {
    return (int) (((long) a * b) >> 32);
  }

  /** High 32 bits of the signed {@code a} × unsigned {@code b} product. */
  public static int mulhsu(int a, int b) {
    return (int) (((long) a * Integer.toUnsignedLong(b)) >> 32);
  }

  /** High 32 bits of the unsigned × unsigned product. */
  public static int mulhu(int a, int b) {
    return (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32);
  }

  /** Signed quotient rounded towards zero; -1 when {@code b} is 0; MIN_VALUE for MIN_VALUE / -1. */
  public static int div(int a, int b) {
    return b == 0 ? -1 : a / b; // Java's MIN_VALUE / -1 is MIN_VALUE, as RISC-V requires
  }

  /** Unsigned quotient; 0xffffffff when {@code b} is 0. */
  public static int divu(int a, int b) {
    return b == 0 ? -1 : Integer.divideUnsigned(a, b);
  }

  /** Signed remainder with the sign of {@code a}; {@code a} when {@code b} is 0; 0 for MIN_VALUE % -1. */
  public static int rem(int a, int b) {
    return b == 0 ? a : a % b;
  }

  /** Unsigned remainder; {@code a} when {@code b} is 0. */
  public static int remu(int a, int b) {
    return b == 0 ? a : Integer.remainderUnsigned(a, b);
  }

  public static boolean beq(int a, int b) {
    return a == b;
  }

  public static boolean bne(int a, int b) {
    return a != b;
  }

  public static boolean blt(int a, int b) {
    return a < b;
  }

  public static boolean bge(int a, int b) {
    return a >= b;
  }

  public static boolean bltu(int a, int b) {
    return Integer.compareUnsigned(a, b) < 0;
  }

  public static boolean bgeu(int a, int b) {
    return Integer.compareUnsigned(a, b) >= 0;
  }

  /** JALR's target: {@code rs1 + imm} with bit 0 cleared. */
  public static int jalrTarget(int rs1, int imm) {
    return (rs1 + imm) & ~1;
  }

  // Loads take the aligned word holding the data and the byte offset of the access in it
  // (address & 3; only the low two bits count, and halfword offsets must be even: the machine
  // faults misaligned accesses before it gets here).

  /** The byte at {@code offset} of {@code word}, sign-extended. */
  public static int lb(int word, int offset) {
    return (word << ((3 - (offset & 3)) << 3)) >> 24;
  }

  /** The byte at {@code offset} of {@code word}, zero-extended. */
  public static int lbu(int word, int offset) {
    return (word >>> ((offset & 3) << 3)) & 0xff;
  }

  /** The halfword at {@code offset} (0 or 2) of {@code word}, sign-extended. */
  public static int lh(int word, int offset) {
    return (word << ((2 - (offset & 2)) << 3)) >> 16;
  }

  /** The halfword at {@code offset} (0 or 2) of {@code word}, zero-extended. */
  public static int lhu(int word, int offset) {
    return (word >>> ((offset & 2) << 3)) & 0xffff;
  }

  /** {@code word} with its byte at {@code offset} replaced by the low byte of {@code value}. */
  public static int sb(int word, int offset, int value) {
    int shift = (offset & 3) << 3;
    return (word & ~(0xff << shift)) | ((value & 0xff) << shift);
  }

  /** {@code word} with its halfword at {@code offset} (0 or 2) replaced by the low halfword of {@code value}. */
  public static int sh(int word, int offset, int value) {
    int shift = (offset & 2) << 3;
    return (word & ~(0xffff << shift)) | ((value & 0xffff) << shift);
  }

  /**
   * The result of an {@link Opcode.Category#ALU} or {@link Opcode.Category#MULDIV} operation:
   * {@code b} is rs2's value for R-format operations and the immediate for I-format ones.
   */
  public static int alu(Opcode op, int a, int b) {
    return switch (op) {
      case ADD, ADDI -> add(a, b);
      case SUB -> sub(a, b);
      case SLL, SLLI -> sll(a, b);
      case SLT, SLTI -> slt(a, b);
      case SLTU, SLTIU -> sltu(a, b);
      case XOR, XORI -> xor(a, b);
      case SRL, SRLI -> srl(a, b);
      case SRA, SRAI -> sra(a, b);
      case OR, ORI -> or(a, b);
      case AND, ANDI -> and(a, b);
      case MUL -> mul(a, b);
      case MULH -> mulh(a, b);
      case MULHSU -> mulhsu(a, b);
      case MULHU -> mulhu(a, b);
      case DIV -> div(a, b);
      case DIVU -> divu(a, b);
      case REM -> rem(a, b);
      case REMU -> remu(a, b);
      default -> throw new IllegalArgumentException(op + " is not an ALU operation");
    };
  }

  /** Whether the branch {@code op} is taken for rs1 = {@code a}, rs2 = {@code b}. */
  public static boolean branch(Opcode op, int a, int b) {
    return switch (op) {
      case BEQ -> beq(a, b);
      case BNE -> bne(a, b);
      case BLT -> blt(a, b);
      case BGE -> bge(a, b);
      case BLTU -> bltu(a, b);
      case BGEU -> bgeu(a, b);
      default -> throw new IllegalArgumentException(op + " is not a branch");
    };
  }

  /** The value a load {@code op} puts in rd, from the aligned word read and the access's byte offset. */
  public static int load(Opcode op, int word, int offset) {
    return switch (op) {
      case LB -> lb(word, offset);
      case LBU -> lbu(word, offset);
      case LH -> lh(word, offset);
      case LHU -> lhu(word, offset);
      case LW -> word;
      default -> throw new IllegalArgumentException(op + " is not a load");
    };
  }

  /** The aligned word after a store {@code op} of {@code value} at byte {@code offset} of {@code word}. */
  public static int store(Opcode op, int word, int offset, int value) {
    return switch (op) {
      case SB -> sb(word, offset, value);
      case SH -> sh(word, offset, value);
      case SW -> value;
      default -> throw new IllegalArgumentException(op + " is not a store");
    };
  }
}

package io.l2prover.zkvm.rv32im;

/** The operations of the preprocessed byte table: tuples (op, x, y, z) on {@link Bus#BYTE}. */
public enum ByteOp {
  /** (RANGE, x, y, 0): both x and y are bytes (so x + 256 y is a 16-bit value). */
  RANGE(0),
  /** (AND, x, y, x & y). */
  AND(1),
  /** (OR, x, y, x | y). */
  OR(2),
  /** (XOR, x, y, x ^ y). */
  XOR(3),
  /** (MSB, x, y, x >> 7): the sign bit of byte x (y is any byte, usually 0). */
  MSB(4);

  private final int id;

  ByteOp(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The z a valid tuple (this, x, y, z) has. */
  public int apply(int x, int y) {
    return switch (this) {
      case RANGE -> 0;
      case AND -> x & y;
      case OR -> x | y;
      case XOR -> x ^ y;
      case MSB -> x >>> 7;
    };
  }
}

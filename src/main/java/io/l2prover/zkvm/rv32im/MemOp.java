package io.l2prover.zkvm.rv32im;

/** The loads and stores, as the CPU names them to the memory chip on {@link Bus#MEMORY_OP}. */
public enum MemOp {
  LB(1, 1, true, false),
  LH(2, 2, true, false),
  LW(3, 4, true, false),
  LBU(4, 1, false, false),
  LHU(5, 2, false, false),
  SB(6, 1, false, true),
  SH(7, 2, false, true),
  SW(8, 4, false, true);

  private final int id;
  private final int width;
  private final boolean signed;
  private final boolean store;

  MemOp(int id, int width, boolean signed, boolean store) {
    this.id = id;
    this.width = width;
    this.signed = signed;
    this.store = store;
  }

  public int id() {
    return id;
  }

  /** Bytes accessed: 1, 2 or 4. */
  public int width() {
    return width;
  }

  /** Whether a load sign-extends. */
  public boolean signed() {
    return signed;
  }

  public boolean store() {
    return store;
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Scope;

/**
 * The buses that connect the chips, and the tuple each carries. A lookup puts a tuple on a bus,
 * a table takes it off; the proof balances every bus.
 */
public enum Bus {
  /** (op, x, y, z): byte operations from the preprocessed byte table; see {@link ByteOp}. */
  BYTE(1),
  /** (op, a[4], b[4], c[4]): c = op(a, b) on 32-bit words; see {@link AluOp}. */
  ALU(2),
  /** (pc, instruction fields...): the program table; see {@link ProgramTable}. */
  PROGRAM(3),
  /** (address, value[4], timestamp): the in-segment memory argument over registers and memory. */
  MEMORY(4),
  /** (clk, op, base[4], offset[4], data[4], result[4]): loads and stores from the CPU to the memory chip. */
  MEMORY_OP(5),
  /** (clk, halt, journal length, journal bytes written): ecalls from the CPU to the ecall chip. */
  ECALL(6),
  /** (position, byte): the public journal. */
  JOURNAL(7),
  /** (clk, to journal, first word address, first byte offset, length, journal position): one transfer of an ecall. */
  IO(8),
  /** (address, value[4], segment): values handed from segment to segment, balanced over the whole receipt. */
  GLOBAL_MEMORY(9),
  /** (address, value[4]): the program's initial memory image. */
  IMAGE(10),
  /** (clk, number, a0[4], a1[4], a2[4], result[4]): a precompile call handed from the ecall chip to its chip. */
  PRECOMPILE(11);

  private final int id;

  Bus(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /**
   * Where the bus balances: the global memory bus over all proofs of a receipt (its few boundary
   * tuples per segment keep the total multiplicity below p), every other bus within one proof.
   */
  public Scope scope() {
    return this == GLOBAL_MEMORY ? Scope.GLOBAL : Scope.LOCAL;
  }
}

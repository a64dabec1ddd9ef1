package io.l2prover.zkvm.rv32im;

import java.util.function.ToLongFunction;

/**
 * The fields of a program-table row, in the order of the tuple on {@link Bus#PROGRAM}: the
 * program table holds them as preprocessed columns, the CPU as main columns it looks up.
 */
public enum ProgramField {
  PC(r -> r.pc()),
  ALU_OP(r -> r.alu() == null ? 0 : r.alu().id()),
  IMM_OPERAND(r -> flag(r.immOperand())),
  WRITES_RD(r -> flag(r.writesRd())),
  RD_FROM_ALU(r -> flag(r.rdFromAlu())),
  RD_FROM_VALUE(r -> flag(r.rdFromValue())),
  BRANCH(r -> flag(r.branch())),
  BRANCH_NEGATE(r -> flag(r.branchNegate())),
  JAL(r -> flag(r.jal())),
  JALR(r -> flag(r.jalr())),
  MEMORY(r -> flag(r.memOp() != null)),
  MEM_OP(r -> r.memOp() == null ? 0 : r.memOp().id()),
  ECALL(r -> flag(r.ecall())),
  RD(r -> r.rd()),
  RS1(r -> r.rs1()),
  RS2(r -> r.rs2()),
  IMM0(r -> r.imm() & 0xff),
  IMM1(r -> (r.imm() >>> 8) & 0xff),
  IMM2(r -> (r.imm() >>> 16) & 0xff),
  IMM3(r -> r.imm() >>> 24),
  VALUE0(r -> r.value() & 0xff),
  VALUE1(r -> (r.value() >>> 8) & 0xff),
  VALUE2(r -> (r.value() >>> 16) & 0xff),
  VALUE3(r -> r.value() >>> 24),
  TARGET(r -> Integer.toUnsignedLong(r.target()));

  private final ToLongFunction<ProgramRow> extract;

  ProgramField(ToLongFunction<ProgramRow> extract) {
    this.extract = extract;
  }

  /** This field of {@code row}, as a non-negative integer. */
  public long of(ProgramRow row) {
    return extract.applyAsLong(row);
  }

  private static long flag(boolean b) {
    return b ? 1 : 0;
  }
}

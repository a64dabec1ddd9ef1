package io.l2prover.zkvm.rv32im;

import io.l2prover.util.ParallelRanges;
import io.l2prover.zkvm.field.BabyBear;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row per cycle: the instruction at pc (looked up in the program table, so the CPU never
 * decodes), the registers it reads and writes (through the memory argument), the one ALU
 * operation it asks for, and the next pc. Loads and stores go to the memory chip, ecalls to the
 * ecall chip. Real rows come first; the padding after them does nothing.
 *
 * <p>Timestamps: cycle c reads rs1 at 4c+1 and rs2 at 4c+2, the memory and ecall chips access at
 * 4c+3, rd is written at 4c+4. The segment's boundary values enter at timestamp 0.
 */
public final class CpuChip extends Chip {

  /** Public values: the pc of the first cycle, the pc after the last one, whether it halted. */
  public static final int START_PC = 0;
  public static final int END_PC = 1;
  public static final int HALTED = 2;
  /** Public values: journal bytes written before the segment and after it. */
  public static final int JOURNAL_START = 3;
  public static final int JOURNAL_END = 4;

  final Col real = layout.col("real");
  final Col clk = layout.col("clk");
  final Map<ProgramField, Col> field = new EnumMap<>(ProgramField.class);
  {
    for (ProgramField f : ProgramField.values()) {
      field.put(f, layout.col(f.name().toLowerCase()));
    }
  }
  final Col nextPc = layout.col("next_pc");
  final Word rs1Value = layout.word("rs1_value");
  final Word rs2Value = layout.word("rs2_value");
  final Word rdValue = layout.word("rd_value");
  final Word rdPrevious = layout.word("rd_previous");
  final Word aluOut = layout.word("alu_out");
  final Col taken = layout.col("taken");
  final Col jalrLowBit = layout.col("jalr_low_bit");
  final Col halt = layout.col("halt");
  final Col journalLength = layout.col("journal_length");
  final Col journalWritten = layout.col("journal_written");
  final Access rs1Access = new Access(layout, "rs1");
  final Access rs2Access = new Access(layout, "rs2");
  final Access rdAccess = new Access(layout, "rd");

  public CpuChip() {
    super("cpu");
    Expr one = Expr.constant(1);
    Expr isReal = real.cur();
    Expr pc = f(ProgramField.PC);
    requireBoolean(real);
    requireFirst("the first row is a cycle", isReal.minus(1));
    requireTransition("cycles come before padding", real.next().times(one.minus(isReal)));
    requireFirst("the clock starts at 0", clk.cur());
    requireTransition("the clock ticks", clk.next().minus(clk.cur()).minus(1));
    requireFirst("the segment starts at its pc", pc.minus(new Expr.Public(START_PC)));

    List<ProgramField> flags = List.of(ProgramField.WRITES_RD, ProgramField.RD_FROM_ALU, ProgramField.RD_FROM_VALUE,
        ProgramField.BRANCH, ProgramField.JAL, ProgramField.JALR, ProgramField.MEMORY, ProgramField.ECALL);
    for (ProgramField flag : flags) {
      require("padding does not " + flag.name().toLowerCase(), one.minus(isReal).times(f(flag)));
    }
    require("padding does not halt", one.minus(isReal).times(halt.cur()));
    // Only the exit ecall halts (the ecall chip proves which ecall that is); without this a
    // prover could end the run early at any instruction and claim any exit code.
    require("only an exit halts", halt.cur().times(one.minus(f(ProgramField.ECALL))));
    requireBoolean(halt);
    requireBoolean(taken);
    // Only a branch is taken, so the next-pc constraint below can use taken alone (not
    // branch × taken) and stay of degree 3, which keeps the quotient at two chunks.
    require("only a branch is taken", taken.cur().times(one.minus(f(ProgramField.BRANCH))));
    requireBoolean(jalrLowBit);

    List<Expr> fields = new ArrayList<>();
    for (ProgramField pf : ProgramField.values()) {
      fields.add(f(pf));
    }
    send("fetch", Bus.PROGRAM, isReal, fields);

    // The one ALU operation: its second operand is the immediate or rs2's value.
    Expr usesAlu = f(ProgramField.RD_FROM_ALU).plus(f(ProgramField.BRANCH)).plus(f(ProgramField.JALR))
        .plus(f(ProgramField.MEMORY));
    Expr immOperand = f(ProgramField.IMM_OPERAND);
    List<Expr> operand = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      operand.add(immOperand.times(imm(i)).plus(one.minus(immOperand).times(rs2Value.b(i))));
    }
    send("alu", Bus.ALU, usesAlu, tuple(f(ProgramField.ALU_OP), rs1Value.exprs(), operand, aluOut.exprs()));

    for (int i = 0; i < 4; i++) {
      require("rd from the alu, byte " + i, f(ProgramField.RD_FROM_ALU).times(rdValue.b(i).minus(aluOut.b(i))));
      require("rd from the value, byte " + i, f(ProgramField.RD_FROM_VALUE).times(rdValue.b(i).minus(value(i))));
    }

    // Branches compare into alu_out = (c, 0, 0, 0); BNE/BGE/BGEU take the branch when c is 0.
    Expr c = aluOut.b(0);
    Expr negate = f(ProgramField.BRANCH_NEGATE);
    require("a branch is taken by its comparison",
        f(ProgramField.BRANCH).times(taken.cur().minus(c.plus(negate).minus(c.times(negate).times(2)))));
    // JALR clears bit 0 of rs1 + imm; the rest must be a pc below p (byte 3 < 120), and the
    // program lookup of the next row then proves it is an instruction's address.
    Expr jalrTarget = aluOut.b(0).minus(jalrLowBit.cur()).plus(aluOut.b(1).times(1 << 8))
        .plus(aluOut.b(2).times(1 << 16)).plus(aluOut.b(3).times(1 << 24));
    send("jalr target below p", Bus.BYTE, f(ProgramField.JALR), tuple(ByteOp.RANGE.id(), aluOut.b(3).plus(136), 0, 0));
    // The cleared bit is bit 0 of the sum: (byte 0 - bit) / 2 is a byte only when the difference is even.
    send("jalr clears bit 0 of the sum", Bus.BYTE, f(ProgramField.JALR), tuple(ByteOp.RANGE.id(),
        aluOut.b(0).minus(jalrLowBit.cur()).times(BabyBear.inv(2)), 0, 0));
    Expr fallThrough = pc.plus(4);
    Expr target = f(ProgramField.TARGET);
    Expr expectedNext = fallThrough
        .plus(taken.cur().times(target.minus(fallThrough)))
        .plus(f(ProgramField.JAL).times(target.minus(fallThrough)))
        .plus(f(ProgramField.JALR).times(jalrTarget.minus(fallThrough)))
        .minus(halt.cur().times(4));
    require("next pc", isReal.times(nextPc.cur().minus(expectedNext)));
    requireTransition("the next cycle runs at the next pc", real.next().times(f(ProgramField.PC).shifted().minus(nextPc.cur())));
    requireTransition("a halt is the last cycle", halt.cur().times(real.next()));
    // The last cycle: real with padding (or nothing) after it. Cycles come before padding, so on
    // a transition real·(1 - real') = real - real', which keeps these constraints of degree 3.
    Expr lastCycle = isReal.minus(real.next());
    requireTransition("the segment ends at its end pc", lastCycle.times(nextPc.cur().minus(new Expr.Public(END_PC))));
    requireLast("the segment ends at its end pc (full trace)", isReal.times(nextPc.cur().minus(new Expr.Public(END_PC))));
    requireTransition("the segment halts as it claims", lastCycle.times(halt.cur().minus(new Expr.Public(HALTED))));
    requireLast("the segment halts as it claims (full trace)", isReal.times(halt.cur().minus(new Expr.Public(HALTED))));

    Expr ts = clk.cur().times(4);
    rs1Access.read(this, "rs1", isReal, register(ProgramField.RS1), rs1Value.exprs(), ts.plus(1));
    rs2Access.read(this, "rs2", isReal, register(ProgramField.RS2), rs2Value.exprs(), ts.plus(2));
    rdAccess.write(this, "rd", f(ProgramField.WRITES_RD), register(ProgramField.RD), rdPrevious.exprs(),
        rdValue.exprs(), ts.plus(4));

    send("load or store", Bus.MEMORY_OP, f(ProgramField.MEMORY),
        tuple(clk.cur(), f(ProgramField.MEM_OP), aluOut.exprs(), rs2Value.exprs(), rdValue.exprs()));
    // The journal grows only by ecalls, in cycle order; the ecall chip proves how much each wrote.
    require("only ecalls write the journal", one.minus(f(ProgramField.ECALL)).times(journalWritten.cur()));
    requireFirst("the journal starts where the previous segment left it",
        journalLength.cur().minus(new Expr.Public(JOURNAL_START)));
    Expr journalAfter = journalLength.cur().plus(journalWritten.cur());
    requireTransition("the journal grows by what was written", real.next().times(journalLength.next().minus(journalAfter)));
    requireTransition("the journal ends at its claimed length", lastCycle.times(journalAfter.minus(new Expr.Public(JOURNAL_END))));
    requireLast("the journal ends at its claimed length (full trace)",
        isReal.times(journalAfter.minus(new Expr.Public(JOURNAL_END))));
    send("ecall", Bus.ECALL, f(ProgramField.ECALL),
        tuple(clk.cur(), halt.cur(), journalLength.cur(), journalWritten.cur()));
  }

  private Expr f(ProgramField pf) {
    return field.get(pf).cur();
  }

  private Expr imm(int i) {
    return f(ProgramField.values()[ProgramField.IMM0.ordinal() + i]);
  }

  private Expr value(int i) {
    return f(ProgramField.values()[ProgramField.VALUE0.ordinal() + i]);
  }

  private Expr register(ProgramField index) {
    return f(index).plus(MemoryLayout.REGISTER_BASE);
  }

  @Override
  public int publicValueCount() {
    return 5;
  }

  /** One cycle as the trace builder computed it. */
  public record Cycle(long clk, ProgramRow instruction, int nextPc, int rs1Value, int rs2Value, int rdValue,
      int rdPrevious, int aluOut, boolean taken, boolean halt, long journalLength, long journalWritten, long rs1PrevTs,
      long rs2PrevTs, long rdPrevTs) {}

  /**
   * The trace of {@code cycles} with public values (start pc, end pc, halted, journal start and
   * end); padding rows keep the clock and journal length running and do nothing else.
   */
  public ChipTrace trace(List<Cycle> cycles, int startPc, int endPc, boolean halted, long journalStart,
      long journalEnd) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(cycles.size(), 2));
    for (int r = 0; r < t.rows(); r++) {
      t.set(clk, r, r);
      t.set(journalLength, r, journalEnd);
    }
    ProgramField[] fields = ProgramField.values();
    // Rows are independent: blocks of them side by side (a 2^20-row segment has a million).
    ParallelRanges.run(cycles.size(), ParallelRanges.GRAIN, (from, to) -> {
      for (int r = from; r < to; r++) {
        Cycle c = cycles.get(r);
        t.set(real, r, true);
        for (ProgramField pf : fields) {
          t.set(field.get(pf), r, pf.of(c.instruction()));
        }
        t.set(nextPc, r, Integer.toUnsignedLong(c.nextPc()));
        t.set(rs1Value, r, c.rs1Value());
        t.set(rs2Value, r, c.rs2Value());
        t.set(rdValue, r, c.rdValue());
        t.set(rdPrevious, r, c.rdPrevious());
        t.set(aluOut, r, c.aluOut());
        t.set(taken, r, c.taken());
        t.set(halt, r, c.halt());
        if (c.instruction().jalr()) {
          t.set(jalrLowBit, r, c.aluOut() & 1);
        }
        t.set(journalLength, r, c.journalLength());
        t.set(journalWritten, r, c.journalWritten());
        long ts = 4 * c.clk();
        rs1Access.fill(t, r, ts + 1, c.rs1PrevTs());
        rs2Access.fill(t, r, ts + 2, c.rs2PrevTs());
        if (c.instruction().writesRd()) {
          rdAccess.fill(t, r, ts + 4, c.rdPrevTs());
        }
      }
    });
    int[] publics = {startPc, endPc, halted ? 1 : 0, (int) journalStart, (int) journalEnd};
    return new ChipTrace(this, new int[0][], t.columns(), publics);
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per ecall: reads a7, a0, a1, a2 at 4 clk + 3, decides the call from a7, writes the
 * result to a0 at 4 clk + 4 (exit writes nothing and halts). A read from fd 0 delivers at most
 * a2 bytes of the prover's choosing (the input is private: the guest must check it); a write to
 * fd 3 appends a2 bytes to the public journal at the position the CPU tracks; writes to fd 1 and
 * 2 have no effect on the proven state. The bytes themselves move in the IO chip, one request
 * per transfer.
 */
public final class EcallChip extends Chip {

  /** Public values: the exit code's four bytes (zero unless the segment halts). */
  public static final int EXIT_CODE = 0;

  private final Col isRead = layout.col("is_read");
  private final Col isWrite = layout.col("is_write");
  private final Col isExit = layout.col("is_exit");
  private final Col isPhase = layout.col("is_phase");
  private final Col isProbe = layout.col("is_probe");
  private final Col isChipCall = layout.col("is_chip_call");
  private final Col clk = layout.col("clk");
  private final Col journalStart = layout.col("journal_start");
  private final Col journalWritten = layout.col("journal_written");
  private final Word a7 = layout.word("a7");
  private final Word a0 = layout.word("a0");
  private final Word a1 = layout.word("a1");
  private final Word a2 = layout.word("a2");
  private final Word result = layout.word("result");
  private final Col toJournal = layout.col("to_journal");
  private final Col toStdout = layout.col("to_stdout");
  private final Col toStderr = layout.col("to_stderr");
  private final Col movedLength = layout.col("moved_length");
  private final Col moves = layout.col("moves_bytes");
  private final Col lengthInverse = layout.col("length_inverse");
  private final Col offset0 = layout.col("buffer_offset_bit0");
  private final Col offset1 = layout.col("buffer_offset_bit1");
  private final Col quarter = layout.col("buffer_byte0_div4");
  private final Word end = layout.word("buffer_end");
  private final Access a7Access = new Access(layout, "a7");
  private final Access a0Access = new Access(layout, "a0");
  private final Access a1Access = new Access(layout, "a1");
  private final Access a2Access = new Access(layout, "a2");

  public EcallChip() {
    super("ecall");
    Expr one = Expr.constant(1);
    Expr read = isRead.cur();
    Expr write = isWrite.cur();
    Expr exit = isExit.cur();
    Expr phase = isPhase.cur();
    Expr probe = isProbe.cur();
    Expr chipCall = isChipCall.cur();
    for (Col c : List.of(isRead, isWrite, isExit, isPhase, isProbe, isChipCall, toJournal, toStdout,
        toStderr, moves, offset0, offset1)) {
      requireBoolean(c);
    }
    Expr real = read.plus(write).plus(exit).plus(phase).plus(probe).plus(chipCall);
    require("one call per row", real.times(real.minus(1)));
    receive("ecall", Bus.ECALL, real, tuple(clk.cur(), exit, journalStart.cur(), journalWritten.cur()));

    require("read is a7 = 63", read.times(a7.b(0).minus(Syscall.READ.number())));
    require("write is a7 = 64", write.times(a7.b(0).minus(Syscall.WRITE.number())));
    require("exit is a7 = 93 or 94",
        exit.times(a7.b(0).minus(Syscall.EXIT.number())).times(a7.b(0).minus(Syscall.EXIT_GROUP.number())));
    require("phase is a7 = 0x1000, low byte", phase.times(a7.b(0)));
    require("phase is a7 = 0x1000, byte 1", phase.times(a7.b(1).minus(0x10)));
    // Every precompile call is on in a proven run and has a chip (0x1002..0x1007); none answers -ENOSYS.
    require("a precompile is a7 = 0x10xx", probe.plus(chipCall).times(a7.b(1).minus(0x10)));
    require("the probe is a7 = 0x1001", probe.times(a7.b(0).minus(Syscall.PROBE.number() & 0xff)));
    // A call with a chip goes to it over the precompile bus with the registers and the result the
    // chip proves; the number goes too, so only the chip of that call can take it off.
    send("a call to its chip", Bus.PRECOMPILE, chipCall, PrecompileCall.tuple(clk.cur(),
        a7.b(0).plus(a7.b(1).times(256)), a0.exprs(), a1.exprs(), a2.exprs(), result.exprs()));
    require("a7 byte 1 of the Linux calls", read.plus(write).plus(exit).times(a7.b(1)));
    require("a7 byte 2", real.times(a7.b(2)));
    require("a7 byte 3", real.times(a7.b(3)));

    Expr ts = clk.cur().times(4).plus(3);
    a7Access.read(this, "a7", real, register(17), a7.exprs(), ts);
    a0Access.read(this, "a0", real, register(10), a0.exprs(), ts);
    a1Access.read(this, "a1", real, register(11), a1.exprs(), ts);
    a2Access.read(this, "a2", real, register(12), a2.exprs(), ts);
    Access.writeAfterRead(this, "a0 result", real.minus(exit), register(10), a0.exprs(), result.exprs(), ts.plus(1));

    for (int i = 0; i < 4; i++) {
      require("exit code byte " + i, exit.times(a0.b(i).minus(new Expr.Public(EXIT_CODE + i))));
      require("phase returns 0, byte " + i, phase.times(result.b(i)));
      require("the probe answers the proven calls, byte " + i,
          probe.times(result.b(i).minus((Syscall.PROVEN_PRECOMPILES >>> (8 * i)) & 0xff)));
      require("read is from fd 0, byte " + i, read.times(a0.b(i)));
      require("write returns its length, byte " + i, write.times(result.b(i).minus(a2.b(i))));
    }
    Expr fd = a0.b(0);
    // The fd as a one-hot choice (stdout, stderr, journal) rather than (fd-1)(fd-2)(fd-3) = 0, so
    // that every constraint of this table stays of degree 3 (a two-chunk quotient).
    require("a write goes to exactly one of fd 1, 2, 3",
        toStdout.cur().plus(toStderr.cur()).plus(toJournal.cur()).minus(write));
    require("write goes to the fd it chose", write.times(fd.minus(toStdout.cur().plus(toStderr.cur().times(2))
        .plus(toJournal.cur().times(Syscall.JOURNAL_FD)))));
    for (int i = 1; i < 4; i++) {
      require("write fd byte " + i, write.times(a0.b(i)));
    }
    require("only a write goes to the journal", toJournal.cur().times(one.minus(write)));
    require("fd 3 is the journal", toJournal.cur().times(fd.minus(Syscall.JOURNAL_FD)));

    // Lengths below 2^26, as the executor allows; a read delivers at most what was asked.
    send("length below 2^26", Bus.BYTE, read.plus(write), tuple(ByteOp.RANGE.id(), a2.b(3).plus(252), 0, 0));
    send("read count low half", Bus.BYTE, read, tuple(ByteOp.RANGE.id(), result.b(0), result.b(1), 0));
    send("read count high half", Bus.BYTE, read, tuple(ByteOp.RANGE.id(), result.b(2), result.b(3), 0));
    send("read count at most the length", Bus.ALU, read,
        tuple(AluOp.SLTU.id(), a2.exprs(), result.exprs(), 0, 0, 0, 0));

    List<Expr> moved = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      moved.add(read.times(result.b(i)).plus(toJournal.cur().times(a2.b(i))));
    }
    Expr length = moved.get(0).plus(moved.get(1).times(1 << 8)).plus(moved.get(2).times(1 << 16))
        .plus(moved.get(3).times(1 << 24));
    require("journal bytes written", journalWritten.cur().minus(toJournal.cur().times(a2.b(0).plus(a2.b(1).times(1 << 8))
        .plus(a2.b(2).times(1 << 16)).plus(a2.b(3).times(1 << 24)))));
    require("the moved length", movedLength.cur().minus(length));
    require("no bytes move without a length", one.minus(moves.cur()).times(movedLength.cur()));
    require("bytes move when there is a length", moves.cur().times(one.minus(lengthInverse.cur().times(movedLength.cur()))));
    require("only reads and journal writes move bytes", moves.cur().times(one.minus(read.plus(toJournal.cur()))));

    Expr o0 = offset0.cur();
    Expr o1 = offset1.cur();
    require("buffer byte 0 is 4 q + offset", moves.cur().times(a1.b(0).minus(o0).minus(o1.times(2)).minus(quarter.cur().times(4))));
    send("q below 64", Bus.BYTE, moves.cur(), tuple(ByteOp.RANGE.id(), quarter.cur(), 0, 0));
    send("buffer end", Bus.ALU, moves.cur(), tuple(AluOp.ADD.id(), a1.exprs(), moved, end.exprs()));
    send("buffer start below the provable limit", Bus.BYTE, moves.cur(), tuple(ByteOp.RANGE.id(), a1.b(3).plus(32), 0, 0));
    send("buffer end below the provable limit", Bus.BYTE, moves.cur(), tuple(ByteOp.RANGE.id(), end.b(3).plus(32), 0, 0));
    Expr wordAddress = quarter.cur().plus(a1.b(1).times(1 << 6)).plus(a1.b(2).times(1 << 14)).plus(a1.b(3).times(1 << 22));
    send("transfer", Bus.IO, moves.cur(), tuple(clk.cur(), toJournal.cur(), wordAddress, o0.plus(o1.times(2)), movedLength.cur(),
        toJournal.cur().times(journalStart.cur())));
  }

  private static Expr register(int index) {
    return Expr.constant(MemoryLayout.register(index));
  }

  @Override
  public int publicValueCount() {
    return 4;
  }

  /** One ecall as the trace builder saw it, with the previous access times of a7, a0, a1, a2. */
  public record Event(long clk, int a7, int a0, int a1, int a2, int result, long journalStart, long[] prevTs) {}

  public ChipTrace trace(List<Event> events, int exitCode) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      Event e = events.get(r);
      Syscall call = Syscall.of(e.a7());
      t.set(call.hasChip() ? isChipCall : switch (call) {
        case READ -> isRead;
        case WRITE -> isWrite;
        case EXIT, EXIT_GROUP -> isExit;
        case PHASE -> isPhase;
        case PROBE -> isProbe;
        default -> throw new IllegalStateException("call " + call + " has a chip");
      }, r, true);
      t.set(clk, r, e.clk());
      t.set(journalStart, r, e.journalStart());
      boolean journal = call == Syscall.WRITE && e.a0() == Syscall.JOURNAL_FD;
      t.set(toJournal, r, journal);
      t.set(toStdout, r, call == Syscall.WRITE && e.a0() == 1);
      t.set(toStderr, r, call == Syscall.WRITE && e.a0() == 2);
      t.set(journalWritten, r, journal ? e.a2() : 0);
      t.set(a7, r, e.a7());
      t.set(a0, r, e.a0());
      t.set(a1, r, e.a1());
      t.set(a2, r, e.a2());
      t.set(result, r, call == Syscall.EXIT || call == Syscall.EXIT_GROUP ? 0 : e.result());
      long length = call == Syscall.READ ? e.result() : journal ? e.a2() : 0;
      t.set(moves, r, length > 0);
      t.set(movedLength, r, length);
      t.set(lengthInverse, r, length > 0 ? BabyBear.inv(BabyBear.fromLong(length)) : 0);
      if (length > 0) {
        t.set(offset0, r, e.a1() & 1);
        t.set(offset1, r, (e.a1() >>> 1) & 1);
        t.set(quarter, r, (e.a1() & 0xff) >>> 2);
        t.set(end, r, e.a1() + (int) length);
      }
      long ts = 4 * e.clk() + 3;
      a7Access.fill(t, r, ts, e.prevTs()[0]);
      a0Access.fill(t, r, ts, e.prevTs()[1]);
      a1Access.fill(t, r, ts, e.prevTs()[2]);
      a2Access.fill(t, r, ts, e.prevTs()[3]);
    }
    int[] publics = new int[4];
    for (int i = 0; i < 4; i++) {
      publics[i] = (exitCode >>> (8 * i)) & 0xff;
    }
    return new ChipTrace(this, new int[0][], t.columns(), publics);
  }

  /** The ALU operations the rows ask for: the read count check and the buffer end. */
  public static void requests(List<Event> events, AluEvents requests) {
    for (Event e : events) {
      Syscall call = Syscall.of(e.a7());
      if (call == Syscall.READ) {
        requests.add(AluOp.SLTU, e.a2(), e.result());
      }
      boolean journal = call == Syscall.WRITE && e.a0() == Syscall.JOURNAL_FD;
      int length = call == Syscall.READ ? e.result() : journal ? e.a2() : 0;
      if (length > 0) {
        requests.add(AluOp.ADD, e.a1(), length);
      }
    }
  }
}

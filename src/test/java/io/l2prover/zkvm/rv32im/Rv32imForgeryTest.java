package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.prover.LowDegree;
import io.l2prover.zkvm.stark.prover.MultiTableProver;
import io.l2prover.zkvm.stark.prover.QuotientForgery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forgeries a cheater would make consistently: each wrong step of {@link TestPrograms#everyOperation(int)}
 * is written into every table that shows it (the CPU row, the chip row, the register's or word's
 * last value handed to the memory proof, the lookup counts), so that exactly one check is left to
 * catch it. Each test names that check, confirms that the debug checker's first failure is it
 * (and, for a constraint, that every bus still balances), and that the verifier rejects the proof
 * the unchecked prover makes of the forged tables.
 */
class Rv32imForgeryTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;
  static final int A = TestPrograms.OPERAND_A;
  static final int B = TestPrograms.OPERAND_B;
  static Rv32imCircuit circuit;
  static ExecutionTraces.Tables honest;
  static Rv32imProver cheater;
  static Rv32imKeys keys;

  @BeforeAll
  static void traceEveryOperation() {
    traceEveryOperationOnly();
    cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
    keys = cheater.keys(circuit);
  }

  static void traceEveryOperationOnly() {
    Program program = Program.fromElf(TestPrograms.everyOperation(0));
    circuit = new Rv32imCircuit(GuestProgram.of(program));
    honest = trace(program, circuit);
  }

  static ExecutionTraces.Tables trace(Program program, Rv32imCircuit c) {
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = Executor.run(program, new byte[0], SmallSegments.options(10).withTrace(trace));
    return ExecutionTraces.build(c, result, trace);
  }

  /** Which kind of check catches a forgery. */
  enum Check {
    CONSTRAINT, BUS
  }

  /** A named forgery and the one check expected to catch it ({@code what}: a constraint's or a bus's name). */
  record Forged(String name, Check by, String what, UnaryOperator<Forgery> edit) {
    @Override
    public String toString() {
      return name + ", caught by " + (by == Check.CONSTRAINT ? "the constraint '" + what + "'" : "the " + what + " bus");
    }
  }

  static Stream<Forged> forgeries() {
    return Stream.of(aluForgeries(), memoryOpForgeries(), memoryForgeries(), ecallForgeries()).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void everyForgeryIsCaughtByItsCheckAndTheVerifierRejectsIt(Forged f) {
    ExecutionTraces.Tables forged = f.edit().apply(new Forgery(circuit, honest)).build();
    Optional<String> failure = ExecutionTracesTest.check(forged);
    assertThat(failure).as("the debug checker sees " + f.name()).isPresent();
    if (f.by() == Check.CONSTRAINT) {
      assertThat(failure.get()).contains(": " + f.what() + ", detail=");
      assertThat(ExecutionTracesTest.balance(forged)).as("every bus balances").isEmpty();
    } else {
      assertThat(failure.get()).as("no constraint fails").contains("bus " + f.what() + " tuple");
    }
    assertRejected(forged);
  }

  @Test
  void theHonestTablesProveUncheckedAndVerify() throws InvalidProofException {
    assertThat(ExecutionTracesTest.check(new Forgery(circuit, honest).build())).isEmpty();
    new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, honest, (w, l, t) -> {}), honest.exitCode(),
        honest.journal());
  }

  // ---- ALU: one wrong result per opcode, the CPU's alu_out and rd and x_rd's last value agreeing with it.

  static Stream<Forged> aluForgeries() {
    return Stream.of(
        alu(AluOp.ADD, Check.CONSTRAINT, "add byte 0"),
        alu(AluOp.SUB, Check.CONSTRAINT, "sub byte 0"),
        alu(AluOp.SLT, Check.CONSTRAINT, "slt result"),
        alu(AluOp.SLTU, Check.CONSTRAINT, "sltu result"),
        alu(AluOp.AND, Check.BUS, "BYTE"),
        alu(AluOp.OR, Check.BUS, "BYTE"),
        alu(AluOp.XOR, Check.BUS, "BYTE"),
        // A shift's result is the MulChip's answer for (a, 2^e): only its product identity is left.
        alu(AluOp.SLL, Check.CONSTRAINT, "product byte 0"),
        alu(AluOp.SRL, Check.CONSTRAINT, "product byte 4"),
        alu(AluOp.SRA, Check.CONSTRAINT, "product byte 4"),
        alu(AluOp.MUL, Check.CONSTRAINT, "product byte 0"),
        alu(AluOp.MULH, Check.CONSTRAINT, "product byte 4"),
        alu(AluOp.MULHSU, Check.CONSTRAINT, "product byte 4"),
        alu(AluOp.MULHU, Check.CONSTRAINT, "product byte 4"),
        alu(AluOp.DIV, Check.CONSTRAINT, "b·q + r = a, byte 0"),
        alu(AluOp.DIVU, Check.CONSTRAINT, "b·q + r = a, byte 0"),
        alu(AluOp.REM, Check.CONSTRAINT, "b·q + r = a, byte 0"),
        alu(AluOp.REMU, Check.CONSTRAINT, "b·q + r = a, byte 0"));
  }

  private static Forged alu(AluOp op, Check by, String what) {
    return new Forged("a wrong " + op + " result", by, what, f -> wrongResult(f, op));
  }

  /** x_rd = op(A, B) with bit 0 flipped, in the CPU row, the chip row (and the MulChip row a shift asks), x_rd's end. */
  private static Forgery wrongResult(Forgery f, AluOp op) {
    int cpu = f.row("cpu", r -> r.get("rd_from_alu") == 1 && r.get("alu_op") == op.id() && r.word("rs1_value") == A
        && r.word("rs2_value") == B);
    int result = f.at("cpu", cpu).word("alu_out");
    int forged = result ^ 1;
    f.setWord("cpu", "alu_out", cpu, forged).setWord("cpu", "rd_value", cpu, forged);
    f.endValue(MemoryLayout.register(f.at("cpu", cpu).get("rd")), result, forged);
    String chip = ((Chip) circuit.aluChips().stream().filter(c -> c.ops().contains(op)).findFirst().orElseThrow()).name();
    int row = f.row(chip, r -> r.get(flag(op)) == 1 && r.word("a") == A && r.word("b") == B);
    return switch (chip) {
      case "add_sub", "bitwise" -> f.setWord(chip, "c", row, forged);
      case "lt" -> f.set(chip, "result", row, forged);
      case "mul" -> flipProductByte(f, row, op == AluOp.MUL ? 0 : 4);
      case "div_rem" -> f.setWord(chip, op == AluOp.DIV || op == AluOp.DIVU ? "quotient" : "remainder", row,
          f.at(chip, row).word(op == AluOp.DIV || op == AluOp.DIVU ? "quotient" : "remainder") ^ 1);
      case "shift" -> {
        int multiplier = f.at(chip, row).word("multiplier");
        AluOp asked = op == AluOp.SLL ? AluOp.MUL : op == AluOp.SRL ? AluOp.MULHU : AluOp.MULHSU;
        int mul = f.row("mul", r -> r.get(flag(asked)) == 1 && r.word("a") == A && r.word("b") == multiplier);
        yield flipProductByte(f.setWord(chip, "c", row, forged), mul, asked == AluOp.MUL ? 0 : 4);
      }
      default -> throw new IllegalStateException(chip);
    };
  }

  private static Forgery flipProductByte(Forgery f, int row, int k) {
    return f.set("mul", "product[" + k + "]", row, f.at("mul", row).get("product[" + k + "]") ^ 1);
  }

  private static String flag(AluOp op) {
    return "is_" + op.name().toLowerCase(Locale.ROOT);
  }

  // ---- Loads and stores of the word 0x87654321 at DATA, and of x6 to words nothing reads again.

  static Stream<Forged> memoryOpForgeries() {
    return Stream.of(
        new Forged("LB of 0x87 without its sign (the sign bit claimed 0)", Check.BUS, "BYTE",
            f -> f.set("load_store", "sign", load(f, MemOp.LB, 0x87), 0)),
        new Forged("LH from the wrong half (bytes 0, 1 for offset 2)", Check.CONSTRAINT, "the loaded half, low byte",
            f -> {
              int r = load(f, MemOp.LH, 0x4321);
              return f.set("load_store", "half_low", r, 0x21).set("load_store", "half_high", r, 0x43)
                  .set("load_store", "sign", r, 0);
            }),
        new Forged("LBU sign-extended", Check.CONSTRAINT, "lbu result byte 1", f -> {
          load(f, MemOp.LBU, 0xffffff87);
          return f;
        }),
        new Forged("LBU of the byte at another offset", Check.CONSTRAINT, "the loaded byte",
            f -> f.set("load_store", "loaded_byte", load(f, MemOp.LBU, 0x65), 0x65)),
        new Forged("LHU sign-extended", Check.CONSTRAINT, "lhu result byte 2", f -> {
          load(f, MemOp.LHU, 0xffff8765);
          return f;
        }),
        new Forged("SB writing byte 0 instead of byte 1", Check.CONSTRAINT, "a byte store merges byte 0",
            f -> store(f, MemOp.SB, B & 0xff)),
        new Forged("SH writing bytes 0, 1 instead of 2, 3", Check.CONSTRAINT, "a half store merges byte 0",
            f -> store(f, MemOp.SH, B & 0xffff)),
        new Forged("SW writing another word than rs2", Check.CONSTRAINT, "a word store writes byte 0",
            f -> store(f, MemOp.SW, B ^ 1)));
  }

  /** The load {@code op} returns {@code value} to rd (its row in the load/store table is returned for more edits). */
  private static int load(Forgery f, MemOp op, int value) {
    int row = f.row("load_store", r -> r.get("is_" + op.name().toLowerCase(Locale.ROOT)) == 1);
    int result = f.at("load_store", row).word("result");
    int cpu = f.row("cpu", r -> r.get("memory") == 1 && r.get("mem_op") == op.id());
    f.setWord("load_store", "result", row, value).setWord("cpu", "rd_value", cpu, value);
    f.endValue(MemoryLayout.register(f.at("cpu", cpu).get("rd")), result, value);
    return row;
  }

  /** The store {@code op} (the one of x6) leaves {@code word} in memory. */
  private static Forgery store(Forgery f, MemOp op, int word) {
    int row = f.row("load_store", r -> r.get("is_" + op.name().toLowerCase(Locale.ROOT)) == 1 && r.word("data") == B);
    int address = f.at("load_store", row).word("address");
    int written = f.at("load_store", row).word("new");
    return f.setWord("load_store", "new", row, word).endValue(address >>> 2, written, word);
  }

  // ---- The memory argument and the memory proof.

  static Stream<Forged> memoryForgeries() {
    return Stream.of(
        new Forged("the ADD's read of x5 claimed after the SUB's (timestamps out of order)", Check.BUS, "BYTE",
            Rv32imForgeryTest::readsReordered),
        new Forged("two memory-init rows swapped (an address below its predecessor)", Check.BUS, "BYTE",
            Rv32imForgeryTest::initRowsSwapped),
        new Forged("memory-init rows past 2^30 that wrap around p to a second row for the lowest address",
            Check.BUS, "BYTE", Rv32imForgeryTest::initAddressesWrapped),
        new Forged("an image word left out of memory (started at 0, not from the image)", Check.BUS, "IMAGE", f -> {
          int row = f.row("memory_init", r -> r.get("from_image") == 1 && r.get("final_segment") == 0);
          return f.set("memory_init", "from_image", row, 0).setWord("memory_init", "initial", row, 0)
              .setWord("memory_init", "final", row, 0);
        }));
  }

  /**
   * The ADD, SUB and SLL rows each read x5 (same value): the ADD's read is claimed to follow the
   * SUB's, the SUB's to follow what the ADD's followed, and the SLL's to follow the ADD's. The
   * memory bus balances (same tuples); only the ADD's gap, ts − prev − 1 < 0, is left.
   */
  private static Forgery readsReordered(Forgery f) {
    int add = f.row("cpu", r -> r.get("alu_op") == AluOp.ADD.id() && r.word("rs1_value") == A && r.word("rs2_value") == B);
    assertThat(f.at("cpu", add + 1).get("alu_op")).isEqualTo(AluOp.SUB.id());
    assertThat(f.at("cpu", add + 2).get("alu_op")).isEqualTo(AluOp.SLL.id());
    long addTs = 4L * f.at("cpu", add).get("clk") + 1;
    long before = f.at("cpu", add).get("rs1.prev_ts");
    return f.previousAccess("cpu", "rs1", add, addTs, addTs + 4).previousAccess("cpu", "rs1", add + 1, addTs + 4, before)
        .previousAccess("cpu", "rs1", add + 2, addTs + 8, addTs);
  }

  /** Rows 0 and 1 of the memory-init table swapped, every gap recomputed as the field has it. */
  private static Forgery initRowsSwapped(Forgery f) {
    f.swap("memory_init", 0, 1);
    for (int row = 0; row < 2; row++) {
      int gap = BabyBear.fromLong((long) Forgery.initAddress(f.at("memory_init", row + 1))
          - Forgery.initAddress(f.at("memory_init", row)) - 1);
      for (int i = 0; i < 4; i++) {
        f.set("memory_init", "gap[" + i + "]", row, i == 3 ? gap >>> 24 : (gap >>> (8 * i)) & 0xff);
      }
    }
    return f;
  }

  /**
   * Two rows after the last address H: one at H + 0x37000000, then one whose bytes hold A + p for
   * the lowest address A, the same field element as A. Each step's gap is in range and each row's
   * values are its own (initial = final = 0, untouched), so every other check holds: only the
   * bound that keeps addresses below 2^30, and so from wrapping around p, tells the second row for
   * A apart, which would give A a second history.
   */
  private static Forgery initAddressesWrapped(Forgery f) {
    int end = f.row("memory_init", r -> r.get("real") == 0);
    assertThat(end + 2).as("two padding rows to fill").isLessThan(f.at("memory_init", 0).table().rows());
    long last = Integer.toUnsignedLong(Forgery.initAddress(f.at("memory_init", end - 1)));
    long lowest = Integer.toUnsignedLong(Forgery.initAddress(f.at("memory_init", 0)));
    long[] addresses = {last + 0x37000000L, lowest + BabyBear.P};
    long previous = last;
    for (int i = 0; i < 2; i++) {
      int row = end + i;
      f.set("memory_init", "real", row, 1).setWord("memory_init", "address", row, (int) addresses[i]);
      long gap = BabyBear.fromLong(addresses[i] - previous - 1);
      f.setWord("memory_init", "gap", end + i - 1, (int) gap);
      previous = addresses[i];
    }
    return f;
  }

  // ---- Ecalls: write(3, DATA, 4) to the journal, write(1, DATA, 2), exit(0).

  static Stream<Forged> ecallForgeries() {
    return Stream.of(
        new Forged("the journal write passed off as a console write (the journal left empty)", Check.CONSTRAINT,
            "write goes to the fd it chose", Rv32imForgeryTest::journalHidden),
        new Forged("the console write passed off as a journal write (its bytes appended to the journal)",
            Check.CONSTRAINT, "write goes to the fd it chose", Rv32imForgeryTest::consoleWriteJournaled),
        new Forged("write(1, DATA, 2) returning 1", Check.CONSTRAINT, "write returns its length, byte 0", f -> {
          int row = consoleWrite(f);
          int clk = f.at("ecall", row).get("clk");
          int next = f.row("cpu", r -> r.get("rd") == 10 && r.get("writes_rd") == 1 && r.get("clk") > clk);
          return f.setWord("ecall", "result", row, 1).setWord("cpu", "rd_previous", next, 1);
        }),
        new Forged("a write whose a7 is 65 (no call), as x17 holds it", Check.CONSTRAINT, "write is a7 = 64",
            Rv32imForgeryTest::unhandledCall),
        new Forged("a journal other than the bytes the IO row read", Check.BUS, "JOURNAL", f -> {
          byte[] journal = honest.journal().clone();
          journal[0] ^= 1;
          return f.journal(journal);
        }));
  }

  private static int consoleWrite(Forgery f) {
    return f.row("ecall", r -> r.get("is_write") == 1 && r.word("a0") == 1);
  }

  /**
   * The fd-3 write flagged as a write to stdout: nothing moves, so the IO row and the buffer-end
   * ADD go, the word's last access is the one before, the CPU's journal stays empty. Only the fd
   * the row chose (1) against a0 (3) is left to catch it.
   */
  private static Forgery journalHidden(Forgery f) {
    int row = f.row("ecall", r -> r.get("is_write") == 1 && r.word("a0") == 3);
    for (String column : new String[] {"to_journal", "journal_written", "moved_length", "moves_bytes",
        "length_inverse", "buffer_offset_bit0", "buffer_offset_bit1", "buffer_byte0_div4"}) {
      f.set("ecall", column, row, 0);
    }
    f.set("ecall", "to_stdout", row, 1);
    int end = f.at("ecall", row).word("buffer_end");
    f.setWord("ecall", "buffer_end", row, 0);
    for (int r = 0; r < f.at("ecall", 0).table().rows(); r++) {
      f.set("ecall", "journal_start", r, 0);
    }
    int io = f.row("io", r -> r.get("active") == 1);
    assertThat(f.at("io", io + 1).get("active")).as("one IO row").isZero();
    int word = f.at("io", io).get("word_address");
    int previous = f.at("io", io).get("word.prev_ts");
    f.clear("io", io);
    f.set("memory_boundary", "last_ts", f.row("memory_boundary", r -> r.get("address") == word), previous);
    f.clear("add_sub", f.row("add_sub", r -> r.get("is_add") == 1 && r.word("c") == end && r.word("b") == 4));
    int cpu = f.row("cpu", r -> r.get("ecall") == 1 && r.get("journal_written") == 4);
    f.set("cpu", "journal_written", cpu, 0);
    for (int r = 0; r < f.at("cpu", 0).table().rows(); r++) {
      f.set("cpu", "journal_length", r, 0);
    }
    return f.publicValue("cpu", CpuChip.JOURNAL_END, 0).journal(new byte[0]);
  }

  /**
   * The reverse of {@link #journalHidden}: the fd-1 write flagged as a journal write, with
   * everything a journal write of those two bytes brings made consistent: the bytes move (the
   * buffer-end ADD, an IO row after the journal's that reads the word again and puts its first two
   * bytes on the journal bus at positions 4 and 5), the CPU's journal grows to six bytes, and the
   * claimed journal has them. Only the fd the row chose (3) against a0 (1) is left to catch it.
   */
  private static Forgery consoleWriteJournaled(Forgery f) {
    int row = consoleWrite(f);
    int journalRow = f.row("ecall", r -> r.get("is_write") == 1 && r.word("a0") == 3);
    int clk = f.at("ecall", row).get("clk");
    int start = f.at("ecall", row).word("a1");
    int moved = f.at("ecall", row).word("a2");
    for (String column : new String[] {"moves_bytes", "buffer_offset_bit0", "buffer_offset_bit1", "buffer_byte0_div4"}) {
      f.set("ecall", column, row, f.at("ecall", journalRow).get(column));
    }
    f.set("ecall", "to_stdout", row, 0).set("ecall", "to_journal", row, 1).set("ecall", "journal_written", row, moved)
        .set("ecall", "moved_length", row, moved).set("ecall", "length_inverse", row, BabyBear.inv(moved))
        .setWord("ecall", "buffer_end", row, start + moved);
    int end = f.at("ecall", journalRow).word("buffer_end");
    int add = f.row("add_sub", r -> r.get("is_add") == 1 && r.word("c") == end && r.word("b") == 4);
    int spare = f.row("add_sub", r -> r.get("is_add") == 0 && r.get("is_sub") == 0);
    copyRow(f, "add_sub", add, spare);
    f.setWord("add_sub", "b", spare, moved).setWord("add_sub", "c", spare, start + moved);

    int io = f.row("io", r -> r.get("active") == 1);
    copyRow(f, "io", io, io + 1);
    int journalTs = 4 * f.at("io", io).get("clk") + 3;
    int ts = 4 * clk + 3;
    f.set("io", "clk", io + 1, clk).set("io", "remaining", io + 1, moved).set("io", "position", io + 1, 4)
        .set("io", "hi[3]", io + 1, 0).set("io", "hi[" + (moved - 1) + "]", io + 1, 1)
        .previousAccess("io", "word", io + 1, ts, journalTs);
    int word = f.at("io", io).get("word_address");
    f.set("memory_boundary", "last_ts", f.row("memory_boundary", r -> r.get("address") == word), ts);

    int cpu = f.row("cpu", r -> r.get("ecall") == 1 && r.get("clk") == clk);
    f.set("cpu", "journal_written", cpu, moved);
    int total = honest.journal().length + moved;
    for (int r = cpu + 1; r < f.at("cpu", 0).table().rows(); r++) {
      f.set("cpu", "journal_length", r, total);
    }
    for (int r = 0; r < f.at("ecall", 0).table().rows(); r++) {
      if (f.at("ecall", r).get("clk") > clk) {
        f.set("ecall", "journal_start", r, total);
      }
    }
    byte[] journal = java.util.Arrays.copyOf(honest.journal(), total);
    System.arraycopy(honest.journal(), 0, journal, honest.journal().length, moved);
    return f.publicValue("cpu", CpuChip.JOURNAL_END, total).journal(journal);
  }

  private static void copyRow(Forgery f, String chip, int from, int to) {
    ChipTrace t = f.at(chip, from).table();
    for (String column : t.chip().columnNames()) {
      f.set(chip, column, to, f.at(chip, from).get(column));
    }
  }

  /**
   * The console write's a7 is 65 in the ecall row and in x17: the ADD that set it (li's addi)
   * claims 65 and the next write of x17 finds 65 there. The ecall row is checked before the ADD
   * chip, whose own constraint fails too: no row of any kind has a7 = 65.
   */
  private static Forgery unhandledCall(Forgery f) {
    int row = consoleWrite(f);
    int clk = f.at("ecall", row).get("clk");
    int setter = f.row("cpu", r -> r.get("clk") == clk - 1);
    int next = f.row("cpu", r -> r.get("rd") == 17 && r.get("writes_rd") == 1 && r.get("clk") > clk);
    int add = f.row("add_sub", r -> r.get("is_add") == 1 && r.word("a") == 0 && r.word("c") == 64);
    assertThat(f.at("cpu", setter).get("rd")).isEqualTo(17);
    return f.setWord("ecall", "a7", row, 65).setWord("cpu", "alu_out", setter, 65).setWord("cpu", "rd_value", setter, 65)
        .setWord("cpu", "rd_previous", next, 65).setWord("add_sub", "c", add, 65);
  }

  // ---- An adaptive cheating prover on these tables (MultiTableProver.Adversary, through Rv32imProver.adversarial).

  /** The wrong ADD, its out-of-domain identity made to hold by a quotient value at ζ the committed quotient does not have. */
  @Test
  void aQuotientValueForgedAtZetaIsRejected() {
    ExecutionTraces.Tables forged = wrongResult(new Forgery(circuit, honest), AluOp.ADD).build();
    assertThatThrownBy(() -> verify(Rv32imProver.adversarial(cheater, QuotientLie.of(forged, false)), forged))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("FRI");
  }

  /** As above, and the DEEP codeword of the ADD table's height projected to low degree, so FRI's folding alone passes. */
  @Test
  void aForgedQuotientWithItsDeepCodewordProjectedToLowDegreeIsRejected() {
    ExecutionTraces.Tables forged = wrongResult(new Forgery(circuit, honest), AluOp.ADD).build();
    assertThatThrownBy(() -> verify(Rv32imProver.adversarial(cheater, QuotientLie.of(forged, true)), forged))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("FRI");
  }

  /**
   * The memory-init rows swapped leave the memory proof's LOCAL buses off by S; the cheater
   * lowers the byte table's accumulator by S from the middle row on and claims its sum minus S,
   * so the claimed sums balance and one transition of the accumulator is broken.
   */
  @Test
  void aForgedLogUpAccumulatorIsRejected() {
    ExecutionTraces.Tables forged = initRowsSwapped(new Forgery(circuit, honest)).build();
    int bytes = circuit.memoryChips().indexOf(circuit.bytes());
    ExecutionProof proof = Rv32imProver.adversarial(cheater, new AccumulatorLie(bytes))
        .prove(circuit, forged, (w, l, t) -> {});
    // Every memory-proof table's first claimed sum is its LOCAL one (memory_init's second is GLOBAL).
    Ext4 local = proof.memory().tables().stream().map(t -> t.claimedSums()[0]).reduce(Ext4.ZERO, Ext4::add);
    assertThat(local.isZero()).as("the claimed LOCAL sums balance").isTrue();
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, proof, forged.exitCode(), forged.journal()))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("out-of-domain");
  }

  /**
   * Another program (the same code exiting with 1) proven honestly: its program and image tables
   * carry the same names and constraints, so only their commitments tell them apart from the
   * expected program's.
   */
  @Test
  void anotherProgramsTablesUnderTheSameNamesAreRejected() throws InvalidProofException {
    Program other = Program.fromElf(TestPrograms.everyOperation(1));
    Rv32imCircuit otherCircuit = new Rv32imCircuit(GuestProgram.of(other));
    ExecutionTraces.Tables tables = trace(other, otherCircuit);
    ExecutionProof proof = cheater.prove(otherCircuit, tables, (w, l, t) -> {});
    new Rv32imVerifier(PARAMS).verify(cheater.keys(otherCircuit), proof, 1, tables.journal());
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, proof, 1, tables.journal()))
        .isInstanceOf(InvalidProofException.class);
  }

  /** Claims, for one table of the segment proof, quotient values at ζ that satisfy its constraints there. */
  private record QuotientLie(int table, Chip air, int logRows, int maxLogRows, boolean project)
      implements MultiTableProver.Adversary {
    static QuotientLie of(ExecutionTraces.Tables forged, boolean project) {
      List<ChipTrace> tables = forged.segments().get(0).tables();
      ChipTrace addSub = tables.stream().filter(t -> t.chip() instanceof AddSubChip).findFirst().orElseThrow();
      int max = tables.stream().mapToInt(t -> Integer.numberOfTrailingZeros(t.rows())).max().orElseThrow();
      return new QuotientLie(circuit.segmentChips().indexOf(addSub.chip()), addSub.chip(),
          Integer.numberOfTrailingZeros(addSub.rows()), max, project);
    }

    @Override
    public Ext4[] valuesAtZeta(int t, Ext4[] honest, Ext4[] atZetaNext, Ext4 zeta, Ext4 alpha, Ext4[] challenges,
        Ext4[] claimedSums, int[] publicValues) {
      if (t != table || honest.length != air.preprocessedWidth() + air.mainWidth() + 4 * air.auxWidth()
          + 4 * air.quotientChunks()) {
        return honest;
      }
      Ext4[] values = honest.clone();
      return QuotientForgery.satisfyAtZeta(air, logRows, values, atZetaNext, zeta, alpha, challenges, claimedSums,
          publicValues);
    }

    @Override
    public int[] deepCodeword(int layer, int[] honest) {
      return project && layer == maxLogRows - logRows ? LowDegree.project(new CpuBackend(), honest, logRows) : honest;
    }
  }

  /**
   * Moves the memory proof's LOCAL imbalance into a broken accumulator transition of its byte
   * table, the last of its tables. The one segment's proof is finished first, then the memory
   * proof: the second time table 0 is seen, the memory proof has begun.
   */
  private static final class AccumulatorLie implements MultiTableProver.Adversary {
    private final int bytes;
    private int proofs;
    private Ext4 before = Ext4.ZERO;

    AccumulatorLie(int bytes) {
      this.bytes = bytes;
    }

    @Override
    public AuxTrace aux(int table, AuxTrace honest) {
      if (table == 0) {
        proofs++;
      }
      if (proofs != 2) {
        return honest;
      }
      if (table != bytes) {
        before = before.add(honest.auxPublics()[0]); // LOCAL comes first
        return honest;
      }
      Ext4 off = before.add(honest.auxPublics()[0]);
      assertThat(off.isZero()).as("the LOCAL buses are off").isFalse();
      int accumulator = honest.columns().length / 4 - 1;
      int[][] columns = honest.columns().clone();
      int rows = columns[0].length;
      for (int k = 0; k < 4; k++) {
        columns[4 * accumulator + k] = columns[4 * accumulator + k].clone();
      }
      for (int r = rows / 2; r < rows; r++) {
        int[] v = honest.value(accumulator, r).sub(off).toArray();
        for (int k = 0; k < 4; k++) {
          columns[4 * accumulator + k][r] = v[k];
        }
      }
      return new AuxTrace(columns, new Ext4[] {honest.auxPublics()[0].sub(off)});
    }
  }

  private static void verify(Rv32imProver prover, ExecutionTraces.Tables forged) throws InvalidProofException {
    new Rv32imVerifier(PARAMS).verify(keys, prover.prove(circuit, forged, (w, l, t) -> {}), forged.exitCode(),
        forged.journal());
  }

  private static void assertRejected(ExecutionTraces.Tables forged) {
    assertThatThrownBy(() -> verify(cheater, forged)).isInstanceOf(InvalidProofException.class);
  }
}

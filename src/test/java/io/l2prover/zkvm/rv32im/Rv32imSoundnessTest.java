package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soundness harness: a wrong execution, written into the tables of an honest one, is proven
 * by the unchecked prover and must be rejected by the verifier. Each named mutation breaks one
 * family of constraints (a wrong result of each ALU operation, loads and stores of each width and
 * the ecalls are forged consistently in {@link Rv32imForgeryTest}); random single-cell mutations
 * of a run with a row of every kind ({@link TestPrograms#everyRowKind()}), taking the tables in
 * turn, must be rejected exactly when the debug checker rejects them ({@code -Dsoundness.trials=N}
 * runs more or fewer of them; {@code make soundness}).
 */
class Rv32imSoundnessTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;
  static Rv32imCircuit circuit;
  static ExecutionTraces.Tables honest;
  static Rv32imKeys keys;
  static Rv32imProver cheater;
  /** The random mutations' run: rows in every table with a main trace (Keccak's too), few besides the byte tables'. */
  static SmallSegments.Proven everyRowKind;
  static Rv32imKeys everyRowKindKeys;

  @BeforeAll
  static void traceHelloAndEveryRowKind() {
    Program program = Program.fromElf(Guests.bundled("hello"));
    TraceBuffer trace = new TraceBuffer();
    // One segment: every mutation costs one segment proof and the memory proof.
    ExecutionResult result = Executor.run(program, new byte[0], SmallSegments.options(12).withTrace(trace));
    circuit = new Rv32imCircuit(GuestProgram.of(program));
    honest = ExecutionTraces.build(circuit, result, trace);
    cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
    keys = cheater.keys(circuit);
    everyRowKind = SmallSegments.proven(TestPrograms.everyRowKind(),
        TestPrograms.everyRowKindInput(), 10);
    everyRowKindKeys = cheater.keys(everyRowKind.circuit());
  }

  /**
   * Changes {@code column} of {@code chip} on the first row where {@code where} holds of the
   * column {@code selector} (a real row of the kind the mutation is about).
   */
  record Mutation(String name, String chip, String selector, IntPredicate where, String column, int delta) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mutation> mutations() {
    IntPredicate set = v -> v == 1;
    return Stream.of(
        new Mutation("a wrong equality result", "lt", "is_eq", set, "result", 1),
        new Mutation("a wrong ALU output in the CPU", "cpu", "rd_from_alu", set, "alu_out[0]", 1),
        new Mutation("a limb out of range (the word's value kept)", "cpu", "rd_from_alu", set, "rd_value[0]", 256),
        new Mutation("a load returning another value than the last store", "load_store", "is_lw", set, "result[0]", 1),
        new Mutation("a store to another address", "load_store", "is_sw", set, "address[0]", 4),
        new Mutation("a misaligned word access", "load_store", "is_lw", set, "address[0]", 1),
        new Mutation("a skipped register write", "cpu", "writes_rd", set, "writes_rd", -1),
        new Mutation("a write to x0 that sticks", "cpu", "rd", v -> v == 1, "rd", -1),
        new Mutation("a pc that leaves the program", "cpu", "real", set, "pc", 2),
        new Mutation("a pc that does not follow the instruction", "cpu", "rd_from_alu", set, "next_pc", 4),
        new Mutation("a branch decided wrongly", "cpu", "branch", set, "taken", 1),
        new Mutation("a JALR whose cleared bit is not bit 0 of the sum", "cpu", "jalr", set, "jalr_low_bit", 1),
        new Mutation("a register read another value", "cpu", "rd_from_alu", set, "rs1_value[0]", 1),
        new Mutation("a changed exit code", "ecall", "is_exit", set, "a0[0]", 1),
        new Mutation("a changed journal byte", "io", "to_journal", set, "old[0]", 1),
        new Mutation("a segment starting from another memory value", "memory_boundary", "real", set, "start_value[0]", 1),
        new Mutation("memory that does not start from the image", "memory_init", "from_image", set, "initial[0]", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void everyMutationFamilyIsRejected(Mutation m) {
    ExecutionTraces.Tables forged = mutate(honest, m);
    assertThat(ExecutionTracesTest.check(forged)).as("the debug checker sees " + m.name()).isPresent();
    assertRejected(forged);
  }

  /** A mutation and the one check that must name it: the degree-3 rewrites of 2026-12-07. */
  record Caught(Mutation mutation, String check) {
    @Override
    public String toString() {
      return mutation.name();
    }
  }

  static Stream<Caught> degreeThreeChecks() {
    IntPredicate set = v -> v == 1;
    return Stream.of(
        new Caught(new Mutation("a padding row that takes a branch", "cpu", "real", v -> v == 0, "taken", 1),
            "only a branch is taken"),
        new Caught(new Mutation("a word load whose offset-bit product is 1", "load_store", "is_lw", set,
            "offset_bits_product", 1), "offset bits product"),
        new Caught(new Mutation("an exit that also writes to stdout", "ecall", "is_exit", set, "to_stdout", 1),
            "a write goes to exactly one of fd 1, 2, 3"),
        new Caught(new Mutation("an exit that claims bytes moved", "ecall", "is_exit", set, "moved_length", 5),
            "the moved length"),
        // hello's first EQ compares equal values: claiming "unequal" leaves a zero difference
        new Caught(new Mutation("equal operands claimed unequal", "lt", "is_eq", set, "result", -1),
            "unequal has a nonzero difference"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("degreeThreeChecks")
  void eachDegreeThreeCheckCatchesItsMutation(Caught c) {
    ExecutionTraces.Tables forged = mutate(honest, c.mutation());
    assertThat(ExecutionTracesTest.check(forged)).as("the debug checker's first failure").get(STRING)
        .contains(c.check());
    assertRejected(forged);
  }

  @Test
  void aRunCannotEndEarlyWithoutItsExit() {
    ChipTrace cpu = allTables(honest).stream().filter(t -> t.chip() instanceof CpuChip).findFirst().orElseThrow();
    List<String> names = cpu.chip().columnNames();
    int real = names.indexOf("real");
    int last = 0;
    while (last + 1 < cpu.rows() && cpu.main()[real][last + 1] == 1) {
      last++;
    }
    // Drop the exit ecall's row (it becomes padding, like the row after it, on the same clock)
    // and halt one cycle earlier, at that instruction's own pc.
    int clk = names.indexOf("clk");
    int[][] main = new int[cpu.main().length][];
    for (int c = 0; c < main.length; c++) {
      main[c] = cpu.main()[c].clone();
      if (c != clk) {
        main[c][last] = main[c][last + 1];
      }
    }
    int pc = main[names.indexOf("pc")][last - 1];
    main[names.indexOf("halt")][last - 1] = 1;
    main[names.indexOf("next_pc")][last - 1] = pc;
    int[] publics = cpu.publicValues().clone();
    publics[CpuChip.END_PC] = pc;
    var failure = io.l2prover.zkvm.stark.air.DebugChecker.checkMain(cpu.chip(), cpu.preprocessed(), main, publics);
    assertThat(failure).isPresent();
    assertThat(failure.get().toString()).contains("only an exit halts");
    ChipTrace early = new ChipTrace(cpu.chip(), cpu.preprocessed(), main, publics);
    List<ExecutionTraces.SegmentTables> segments = honest.segments().stream().map(s -> new ExecutionTraces.SegmentTables(
        s.index(), swap(s.tables(), cpu, early), s.journalStart(), s.journal())).toList();
    assertRejected(new ExecutionTraces.Tables(segments, honest.memory(), honest.exitCode(), honest.journal()));
  }

  @Test
  void theHonestTablesProveUncheckedToo() throws InvalidProofException {
    proveAndVerify(circuit, keys, honest);
    assertThat(ExecutionTracesTest.check(everyRowKind.tables())).isEmpty();
    proveAndVerify(everyRowKind.circuit(), everyRowKindKeys, everyRowKind.tables());
  }

  /**
   * Each trial proves the whole forged execution (the segment proof and the memory proof, each
   * with its 2^16-row byte table: most of a trial's cost whatever the run) and verifies it. CI
   * runs the default count; {@code make soundness} runs more.
   */
  @Test
  void randomSingleCellChangesAreRejectedExactlyWhenTheDebugCheckerRejectsThem() {
    int trials = Integer.getInteger("soundness.trials", 200);
    Random random = new Random(Long.getLong("soundness.seed", 7));
    ExecutionTraces.Tables honestRun = everyRowKind.tables();
    // Every table with a main trace in turn (the image table has none), so each is hit.
    List<ChipTrace> tables = allTables(honestRun).stream().filter(t -> t.main().length > 0 && t.present()).toList();
    List<String> unreached = allTables(honestRun).stream().filter(t -> t.main().length > 0 && !t.present())
        .map(t -> t.chip().name()).toList();
    assertThat(unreached).as("tables the run leaves empty (give TestPrograms.everyRowKind a call that fills them)")
        .isEmpty();
    for (int t = 0; t < trials; t++) {
      ChipTrace target = tables.get(t % tables.size());
      int column = random.nextInt(target.main().length);
      int row = random.nextInt(target.rows());
      int delta = 1 + random.nextInt(BabyBear.P - 1);
      ExecutionTraces.Tables forged = replace(honestRun, target, column, row, delta);
      String what = target.chip().name() + "." + target.chip().columnNames().get(column) + " row " + row;
      Optional<String> debug = ExecutionTracesTest.check(forged);
      boolean accepted = verifies(everyRowKind.circuit(), everyRowKindKeys, forged);
      assertThat(accepted).as(what + ": debug checker says " + debug.orElse("fine")).isEqualTo(debug.isEmpty());
    }
  }

  private static void assertRejected(ExecutionTraces.Tables forged) {
    assertThatThrownBy(() -> proveAndVerify(circuit, keys, forged)).isInstanceOf(InvalidProofException.class);
  }

  private static boolean verifies(Rv32imCircuit c, Rv32imKeys k, ExecutionTraces.Tables tables) {
    try {
      proveAndVerify(c, k, tables);
      return true;
    } catch (InvalidProofException e) {
      return false;
    }
  }

  /** Proves {@code tables} with the unchecked prover and verifies the proof for their exit code and journal. */
  private static void proveAndVerify(Rv32imCircuit c, Rv32imKeys k, ExecutionTraces.Tables tables)
      throws InvalidProofException {
    ExecutionProof proof = cheater.prove(c, tables, (w, l, t) -> {});
    new Rv32imVerifier(PARAMS).verify(k, proof, tables.exitCode(), tables.journal());
  }

  private static List<ChipTrace> allTables(ExecutionTraces.Tables t) {
    List<ChipTrace> out = new ArrayList<>(t.memory());
    t.segments().forEach(s -> out.addAll(s.tables()));
    return out;
  }

  static ExecutionTraces.Tables mutate(ExecutionTraces.Tables t, Mutation m) {
    for (ChipTrace table : allTables(t)) {
      if (!table.chip().name().equals(m.chip())) {
        continue;
      }
      int selector = column(table, m.selector());
      int column = column(table, m.column());
      for (int r = 0; r < table.rows(); r++) {
        if (m.where().test(table.main()[selector][r])) {
          return replace(t, table, column, r, BabyBear.fromLong(m.delta()));
        }
      }
    }
    throw new IllegalStateException("the honest run has no " + m.chip() + " row with " + m.selector());
  }

  /** The tables with column {@code column} of table {@code chip} moved by {@code delta} on rows from..to (inclusive). */
  static ExecutionTraces.Tables shiftRows(ExecutionTraces.Tables t, String chip, String column, int from, int to,
      int delta) {
    ExecutionTraces.Tables out = t;
    for (int r = from; r <= to; r++) {
      ChipTrace table = allTables(out).stream().filter(x -> x.chip().name().equals(chip)).findFirst().orElseThrow();
      out = replace(out, table, column(table, column), r, BabyBear.fromLong(delta));
    }
    return out;
  }

  private static int column(ChipTrace table, String name) {
    int i = table.chip().columnNames().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(table.chip().name() + " has no column " + name);
    }
    return i;
  }

  /** The tables with one cell of {@code target} moved by {@code delta}. */
  private static ExecutionTraces.Tables replace(ExecutionTraces.Tables t, ChipTrace target, int column, int row,
      int delta) {
    int[][] main = target.main().clone();
    main[column] = main[column].clone();
    main[column][row] = BabyBear.add(main[column][row], delta);
    ChipTrace changed = new ChipTrace(target.chip(), target.preprocessed(), main, target.publicValues());
    List<ExecutionTraces.SegmentTables> segments = t.segments().stream().map(s -> new ExecutionTraces.SegmentTables(
        s.index(), swap(s.tables(), target, changed), s.journalStart(), s.journal())).toList();
    return new ExecutionTraces.Tables(segments, swap(t.memory(), target, changed), t.exitCode(), t.journal());
  }

  private static List<ChipTrace> swap(List<ChipTrace> tables, ChipTrace target, ChipTrace changed) {
    return tables.stream().map(x -> x == target ? changed : x).toList();
  }
}

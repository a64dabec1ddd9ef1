package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TraceBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionTracesTest {

  static final Set<Bus> GLOBAL = EnumSet.of(Bus.GLOBAL_MEMORY, Bus.IMAGE);

  static ExecutionTraces.Tables traces(String guest, byte[] input, int po2) {
    Program program = Program.fromElf(Guests.bundled(guest));
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = Executor.run(program, input,
        ExecutorOptions.defaults().withPo2(po2).withTrace(trace).withOutput(OutputSinks.NULL, OutputSinks.NULL));
    return ExecutionTraces.build(new Rv32imCircuit(GuestProgram.of(program)), result, trace);
  }

  /** Every constraint of every table, every segment's own buses, then the buses spanning segments. */
  static Optional<String> check(ExecutionTraces.Tables t) {
    return firstFailure(t, ChipCheck::check);
  }

  /** As {@link #check} with the buses only: empty when every bus balances, whatever the constraints say. */
  static Optional<String> balance(ExecutionTraces.Tables t) {
    return firstFailure(t, BusBalance::check);
  }

  /** Checks tables with their public terms on some buses. */
  private interface Checker {
    Optional<String> check(List<ChipTrace> tables, List<BusBalance.PublicTerm> terms, Set<Bus> buses);
  }

  private static Optional<String> firstFailure(ExecutionTraces.Tables t, Checker checker) {
    Set<Bus> local = EnumSet.complementOf(EnumSet.copyOf(GLOBAL));
    List<ChipTrace> spanning = new ArrayList<>(t.memory());
    for (ExecutionTraces.SegmentTables s : t.segments()) {
      List<BusBalance.PublicTerm> journal = new ArrayList<>();
      for (int i = 0; i < s.journal().length; i++) {
        journal.add(new BusBalance.PublicTerm(Bus.JOURNAL, -1, new int[] {(int) s.journalStart() + i, s.journal()[i] & 0xff}));
      }
      Optional<String> f = checker.check(s.tables(), journal, local);
      if (f.isPresent()) {
        return Optional.of("segment " + s.index() + ": " + f.get());
      }
      spanning.addAll(s.tables());
    }
    Optional<String> memory = checker.check(t.memory(), List.of(), local);
    if (memory.isPresent()) {
      return Optional.of("memory proof: " + memory.get());
    }
    return BusBalance.check(spanning, List.of(), GLOBAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "loadstore", "rv32im"})
  void honestExecutionsSatisfyEveryTable(String guest) {
    ExecutionTraces.Tables t = traces(guest, new byte[0], 10);
    assertThat(t.segments()).isNotEmpty();
    assertThat(check(t)).isEmpty();
  }
}

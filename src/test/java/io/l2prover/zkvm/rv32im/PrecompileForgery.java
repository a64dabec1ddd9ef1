package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Forged rows of a one-row precompile chip for the soundness tests: cells of one call's row set
 * to chosen values (several at once, so a forgery can keep a value while moving a limb out of
 * range), and the check that the debug checker names the expected failure and the verifier
 * rejects the unchecked prover's proof.
 */
final class PrecompileForgery {

  static final FriParameters PARAMS = FriParameters.DEFAULT;

  private final Rv32imCircuit circuit;
  private final ExecutionTraces.Tables honest;
  private final Rv32imProver cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
  private final Rv32imKeys keys;

  PrecompileForgery(SmallSegments.Proven run) {
    this.circuit = run.circuit();
    this.honest = run.tables();
    this.keys = cheater.keys(circuit);
  }

  /**
   * The run of {@link TestPrograms#precompileCalls} with one 256-bit operand per slot ({@code
   * operands[k]} at slot k), traced in segments of 2^10 cycles.
   */
  static PrecompileForgery ofCalls(BigInteger[] operands, int[][] calls) {
    int[][] words = new int[operands.length][];
    for (int k = 0; k < operands.length; k++) {
      words[k] = Uint256.toWords(operands[k]);
    }
    return new PrecompileForgery(SmallSegments.proven(TestPrograms.precompileCalls(words, calls), 10));
  }

  ExecutionTraces.Tables honest() {
    return honest;
  }

  /** The honest tables proven by the checked prover and verified. */
  void provesAndVerifies() throws InvalidProofException {
    Rv32imProver prover = Rv32imProver.checked(new CpuBackend(), PARAMS);
    new Rv32imVerifier(PARAMS).verify(prover.keys(circuit), prover.prove(circuit, honest, (w, l, t) -> { }),
        honest.exitCode(), honest.journal());
  }

  /** The cell {@code column} on the {@code call}-th active row of {@code chip} in segment 1 (field value). */
  int cell(String chip, int call, String column) {
    ChipTrace t = table(honest, chip);
    return t.main()[column(t, column)][row(t, call)];
  }

  /** One change: a cell set to a new value (a field element given as an integer). */
  record Cell(String column, long value) {}

  /** A forgery: cells of one call's row set to new values. */
  record Forged(String name, String chip, int call, List<Cell> cells, String check) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The honest tables with the forgery's cells set. */
  ExecutionTraces.Tables apply(Forged f) {
    ExecutionTraces.Tables out = honest;
    for (Cell c : f.cells()) {
      ChipTrace t = table(out, f.chip());
      int row = row(t, f.call());
      int column = column(t, c.column());
      int[][] main = t.main().clone();
      main[column] = main[column].clone();
      main[column][row] = BabyBear.fromLong(c.value());
      out = replace(out, t, new ChipTrace(t.chip(), t.preprocessed(), main, t.publicValues()));
    }
    return out;
  }

  /** The forgery is named by the debug checker and rejected by the verifier. */
  void rejects(Forged f) {
    rejects(apply(f), f.check());
  }

  /**
   * The honest tables with call {@code call}'s row of {@code chip} rewritten by {@code change}
   * (given the table and the row): a forgery that refills whole gadgets, as a cheating prover would.
   */
  ExecutionTraces.Tables refilled(String chip, int call, java.util.function.BiConsumer<TraceTable, Integer> change) {
    ChipTrace t = table(honest, chip);
    TraceTable copy = new TraceTable(t.main().length, t.rows());
    for (int c = 0; c < t.main().length; c++) {
      Col col = new Col(t.chip().columnNames().get(c), c);
      for (int r = 0; r < t.rows(); r++) {
        copy.set(col, r, t.main()[c][r]);
      }
    }
    change.accept(copy, row(t, call));
    return replace(honest, t, new ChipTrace(t.chip(), t.preprocessed(), copy.columns(), t.publicValues()));
  }

  /** {@code forged} is named by the debug checker ({@code check}) and rejected by the verifier. */
  void rejects(ExecutionTraces.Tables forged, String check) {
    assertThat(ExecutionTracesTest.check(forged)).as("the debug checker's first failure").get(STRING)
        .contains(check);
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, forged, (w, l, t) -> { }),
        forged.exitCode(), forged.journal())).isInstanceOf(InvalidProofException.class);
  }

  /** Cells that move {@code column}'s limbs i and i + 1 by +256 and −1: the same value, limb i out of range. */
  List<Cell> limbOutOfRange(String chip, int call, String limbs, int i) {
    return List.of(new Cell(limbs + "[" + i + "]", cell(chip, call, limbs + "[" + i + "]") + 256L),
        new Cell(limbs + "[" + (i + 1) + "]", cell(chip, call, limbs + "[" + (i + 1) + "]") - 1L));
  }

  /** Cells that move carry {@code j} of relation {@code relation} (lo + 256·hi) by {@code delta}, its bytes kept in range. */
  List<Cell> carryMoved(String chip, int call, String relation, int j, long delta) {
    String lo = relation + "_carry_lo[" + j + "]";
    String hi = relation + "_carry_hi[" + j + "]";
    long held = cell(chip, call, lo) + 256L * cell(chip, call, hi) + delta;
    return List.of(new Cell(lo, held & 0xff), new Cell(hi, held >> 8));
  }

  /**
   * Cells that move quotient limbs 0 and 1 of {@code relation} by +256 and −1 (the same quotient,
   * limb 0 out of range) and each carry j by −m_j, which keeps every limb equation: the relation
   * still holds in the field, only the quotient's range lookup fails.
   */
  List<Cell> quotientOutOfRange(String chip, int call, String relation, java.math.BigInteger modulus) {
    List<Cell> out = new ArrayList<>(limbOutOfRange(chip, call, relation + "_q", 0));
    for (int j = 0; j < Uint256.LIMBS; j++) {
      int limb = Uint256.limbOf(modulus, j);
      if (limb != 0) {
        out.addAll(carryMoved(chip, call, relation, j, -limb));
      }
    }
    return out;
  }

  private static ChipTrace table(ExecutionTraces.Tables t, String chip) {
    return t.segments().get(0).tables().stream().filter(x -> x.chip().name().equals(chip)).findFirst().orElseThrow();
  }

  private static int column(ChipTrace t, String name) {
    int i = t.chip().columnNames().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(t.chip().name() + " has no column " + name);
    }
    return i;
  }

  private static int row(ChipTrace t, int call) {
    int active = column(t, "active");
    int seen = 0;
    for (int r = 0; r < t.rows(); r++) {
      if (t.main()[active][r] == 1 && seen++ == call) {
        return r;
      }
    }
    throw new IllegalArgumentException(t.chip().name() + " has no call " + call);
  }

  private static ExecutionTraces.Tables replace(ExecutionTraces.Tables t, ChipTrace from, ChipTrace to) {
    List<ExecutionTraces.SegmentTables> segments = new ArrayList<>();
    for (ExecutionTraces.SegmentTables s : t.segments()) {
      segments.add(new ExecutionTraces.SegmentTables(s.index(),
          s.tables().stream().map(x -> x == from ? to : x).toList(), s.journalStart(), s.journal()));
    }
    return new ExecutionTraces.Tables(segments, t.memory(), t.exitCode(), t.journal());
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A precompile chip with one row per call (the 256-bit and secp256k1 calls): {@code active}
 * marks a call's row, which takes the call off the precompile bus ({@link PrecompileCall}) at its
 * {@code clk}; padding rows are all zero. A subclass names its memory operands
 * ({@link #operands()}), states what the call proves in its constructor, and fills a row from an
 * {@link Event}; the trace builder reads and writes the operands through the memory argument, and
 * asks the subclass for the outcome ({@link #outcome}) to check it against the executor.
 */
abstract class RowPrecompileChip extends Chip {

  /** Where an operand's pointer is (register a0, a1 or a2) and when its words are accessed (4 clk + slot). */
  record Operand(String name, int register, int words, int slot, boolean accessed) {}

  /**
   * One call: the registers, the words each operand held before it (accessed operands; empty
   * otherwise) with their previous access times, and its outcome.
   */
  record Event(long clk, int number, int a0, int a1, int a2, List<int[]> before, List<long[]> prevTs, Outcome outcome) {
    int register(int index) {
      return switch (index) {
        case 0 -> a0;
        case 1 -> a1;
        case 2 -> a2;
        default -> throw new IllegalArgumentException("a" + index);
      };
    }
  }

  /** What a call answers in a0 and the words it leaves in its last operand (the one it writes). */
  record Outcome(int result, int[] written) {}

  protected final Col active = layout.col("active");
  protected final Col clk = layout.col("clk");
  protected final PrecompileCall call = new PrecompileCall(layout);
  private final List<Operand> operands = new ArrayList<>();
  private final List<MemoryOperand> memory = new ArrayList<>();

  protected RowPrecompileChip(String name) {
    super(name);
    requireBoolean(active);
  }

  /** The call numbers this chip takes (one, or two for a chip proving two calls). */
  abstract List<Integer> calls();

  /** The operands, in access order (slot 1, 2, then 3: an operand read first may alias the one written last). */
  final List<Operand> operands() {
    return List.copyOf(operands);
  }

  /** Declares the next operand (in access order) and allocates its columns. */
  protected final MemoryOperand operand(String name, int register, int words, int slot, boolean accessed) {
    if (!operands.isEmpty() && operands.get(operands.size() - 1).slot() > slot) {
      throw new IllegalArgumentException(name + ": operands are declared in access order");
    }
    operands.add(new Operand(name, register, words, slot, accessed));
    MemoryOperand m = new MemoryOperand(layout, name, words, accessed);
    memory.add(m);
    return m;
  }

  /**
   * The outcome of a call on {@code before} (the operands' words, in {@link #operands()} order),
   * computed here from the call's definition; {@code reported} is the executor's step, which only
   * a hint's outcome (the prover's choice) is taken from.
   */
  abstract Outcome outcome(int number, List<int[]> before, Ecall reported);

  /** Fills row {@code row} of a call, its {@code active}, {@code clk}, register and operand columns set. */
  abstract void fill(TraceTable t, int row, Event e);

  /** Whether operand {@code index} is checked on a call {@code e} (all are, unless a chip says otherwise). */
  boolean checks(int index, Event e) {
    return true;
  }

  /** The ALU operations the calls ask for: the last word of each operand checked. */
  void requests(List<Event> events, AluEvents requests) {
    for (Event e : events) {
      for (int i = 0; i < operands.size(); i++) {
        if (checks(i, e)) {
          memory.get(i).request(e.register(operands.get(i).register()), requests);
        }
      }
    }
  }

  /** The time of slot {@code slot} of this row's call: 4 clk + slot. */
  protected Expr ts(int slot) {
    return clk.cur().times(4).plus(slot);
  }

  /** Takes the call off the bus on an active row: {@code number} and the result written to a0. */
  protected void receive(Expr number, List<Expr> result) {
    call.receive(this, "call", active.cur(), clk.cur(), number, result);
  }

  @Override
  public boolean mayBeAbsent() {
    return true;
  }

  /** The table: one row per call, then zero rows; absent without a call. */
  public ChipTrace trace(List<Event> events) {
    if (events.isEmpty()) {
      return ChipTrace.absent(this);
    }
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int row = 0; row < events.size(); row++) {
      Event e = events.get(row);
      t.set(active, row, true);
      t.set(clk, row, e.clk());
      call.fill(t, row, e.a0(), e.a1(), e.a2());
      for (int i = 0; i < operands.size(); i++) {
        if (checks(i, e)) {
          Operand o = operands.get(i);
          memory.get(i).fill(t, row, e.register(o.register()), 4 * e.clk() + o.slot(), e.prevTs().get(i));
        }
      }
      fill(t, row, e);
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }

  /** The result (0 or 1) as the four bytes of a0. */
  protected static List<Expr> resultWord(Expr bit) {
    return List.of(bit, Expr.constant(0), Expr.constant(0), Expr.constant(0));
  }
}

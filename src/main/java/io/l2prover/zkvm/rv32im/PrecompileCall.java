package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * The receiving end of a precompile call in a precompile chip: the registers a0, a1, a2 the
 * ecall read (one word each), taken off {@link Bus#PRECOMPILE} with the call's clk, its number
 * and the result the chip proves, which the ecall chip writes to a0. The tuple is
 * (clk, number, a0[4], a1[4], a2[4], result[4]); {@link EcallChip} puts one on for every call
 * it hands over, so a call no chip takes leaves the bus unbalanced.
 *
 * <p>A chip declares one as a field (its columns come from the chip's layout), calls
 * {@link #receive} on the row that starts a call, and proves from {@link #a0()}.. whatever its
 * operands need: pointer alignment and range, its memory accesses at 4 clk + 3.
 */
final class PrecompileCall {

  private final Word a0;
  private final Word a1;
  private final Word a2;

  PrecompileCall(Layout layout) {
    this.a0 = layout.word("call_a0");
    this.a1 = layout.word("call_a1");
    this.a2 = layout.word("call_a2");
  }

  Word a0() {
    return a0;
  }

  Word a1() {
    return a1;
  }

  Word a2() {
    return a2;
  }

  /** Takes call {@code number} at {@code clk} off the bus on the rows {@code gate} selects, answering {@code result}. */
  void receive(Chip chip, Expr gate, Expr clk, int number, List<Expr> result) {
    receive(chip, "call " + Integer.toHexString(number), gate, clk, Expr.constant(number), result);
  }

  /** As above, with the number an expression (a chip that proves two calls). */
  void receive(Chip chip, String what, Expr gate, Expr clk, Expr number, List<Expr> result) {
    chip.receive(what, Bus.PRECOMPILE, gate, tuple(clk, number, a0.exprs(), a1.exprs(), a2.exprs(), result));
  }

  /** The tuple of one call, for both ends. */
  static List<Expr> tuple(Expr clk, Expr number, List<Expr> a0, List<Expr> a1, List<Expr> a2, List<Expr> result) {
    return Chip.tuple(clk, number, a0, a1, a2, result);
  }

  /** Fills the register columns of a call's first row. */
  void fill(TraceTable t, int row, int a0Value, int a1Value, int a2Value) {
    t.set(a0, row, a0Value);
    t.set(a1, row, a1Value);
    t.set(a2, row, a2Value);
  }
}

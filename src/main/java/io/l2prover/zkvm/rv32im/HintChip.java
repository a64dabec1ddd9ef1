package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.WordAccess;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * The two hints, invmod256_hint (0x1006: out at a0, a at a1, m at a2) and secp256k1_sqrt_hint
 * (0x1007: out at a0, a at a1), one row per call, {@code is_sqrt} telling them apart (the number
 * taken off the bus is 0x1006 + is_sqrt). A hint's answer is the prover's choice: the chip proves
 * only that the pointers are the executor's (aligned, below 0xE0000000: a2 for invmod only), that
 * the result is 0 or 1, that the 8 words written at a0 (4 clk + 3) are range-checked bytes, and
 * that invmod answering 1 writes nothing. That is sound because the guest checks every answer
 * before it relies on it (docs/rv32im-air.md: the block guest's accel_sqrt and accel_sc_inv fall
 * back to software on a wrong hint); the inputs a and m are not read.
 */
public final class HintChip extends RowPrecompileChip {

  /** invmod256_hint's number; secp256k1_sqrt_hint is the next. */
  public static final int INVMOD = 0x1006;
  public static final int SQRT = 0x1007;

  private final MemoryOperand aOperand = operand("a", 1, Uint256.WORDS, 1, false);
  private final MemoryOperand mOperand = operand("m", 2, Uint256.WORDS, 2, false);
  private final MemoryOperand outOperand = operand("out", 0, Uint256.WORDS, 3, true);
  private final Col isSqrt = layout.col("is_sqrt");
  private final Col result = layout.col("result");
  private final Col keeps = layout.col("writes_nothing");
  private final Uint256 old = Uint256.columns(layout, "old");
  private final Uint256 out = Uint256.columns(layout, "out");

  public HintChip() {
    super("hints");
    Expr on = active.cur();
    Expr sqrt = isSqrt.cur();
    Expr r = result.cur();
    requireBoolean(isSqrt);
    requireBoolean(result);
    require("is_sqrt only on a call", sqrt.times(Expr.constant(1).minus(on)));
    require("result only on a call", r.times(Expr.constant(1).minus(on)));
    receive(Expr.constant(INVMOD).plus(sqrt), resultWord(r));
    aOperand.pointer(this, on, call.a1());
    mOperand.pointer(this, on.minus(sqrt), call.a2());
    outOperand.write(this, on, outOperand.pointer(this, on, call.a0()), MemoryOperand.words(old), MemoryOperand.words(out),
        ts(3));
    out.rangeCheck(this, "out", on);
    // invmod answering 1 (no inverse) leaves out as it was; the square-root hint writes in both cases.
    require("writes_nothing is invmod answering 1", keeps.cur().minus(r.times(Expr.constant(1).minus(sqrt))));
    for (int i = 0; i < Uint256.LIMBS; i++) {
      require("nothing written, limb " + i, keeps.cur().times(out.limb(i).minus(old.limb(i))));
    }
  }

  @Override
  List<Integer> calls() {
    return List.of(INVMOD, SQRT);
  }

  @Override
  boolean checks(int index, Event e) {
    return index != 1 || e.number() == INVMOD;
  }

  /** The executor's answer: its result and the words it left at a0. */
  @Override
  Outcome outcome(int number, List<int[]> before, Ecall reported) {
    if (reported.result() != 0 && reported.result() != 1) {
      throw new IllegalStateException("hint 0x" + Integer.toHexString(number) + " answered " + reported.result());
    }
    int pointer = reported.a0();
    int[] words = before.get(2).clone();
    for (WordAccess w : reported.memory()) {
      int offset = w.address() - pointer;
      if (w.write() && offset >= 0 && offset < 4 * Uint256.WORDS) {
        words[offset / 4] = w.after();
      }
    }
    return new Outcome(reported.result(), words);
  }

  @Override
  void fill(TraceTable t, int row, Event e) {
    t.set(isSqrt, row, e.number() == SQRT);
    t.set(result, row, e.outcome().result());
    t.set(keeps, row, e.number() == INVMOD && e.outcome().result() == 1);
    old.fill(t, row, e.before().get(2));
    out.fill(t, row, e.outcome().written());
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes an ecall moves, one row per memory word of the buffer: input bytes written into
 * memory (any bytes: the input is the prover's, range-checked only), or journal bytes read from
 * memory and put on the journal bus at their positions. A transfer's rows are consecutive: the
 * first takes the request off the IO bus, each next row covers the next word, and the bytes
 * covered (from byte lo to byte hi of each word, one-hot encoded) add up to the length.
 */
public final class IoChip extends Chip {

  private final Col active = layout.col("active");
  private final Col first = layout.col("first");
  private final Col last = layout.col("last");
  private final Col clk = layout.col("clk");
  private final Col toJournal = layout.col("to_journal");
  private final Col wordAddress = layout.col("word_address");
  private final List<Col> lo = layout.cols("lo", 4);
  private final List<Col> hi = layout.cols("hi", 4);
  private final Col remaining = layout.col("remaining");
  private final Col position = layout.col("position");
  private final Word old = layout.word("old");
  private final Word updated = layout.word("new");
  private final Access access = new Access(layout, "word");

  public IoChip() {
    super("io");
    Expr one = Expr.constant(1);
    Expr on = active.cur();
    for (Col c : List.of(active, first, last, toJournal)) {
      requireBoolean(c);
    }
    require("first rows are active", first.cur().times(one.minus(on)));
    require("last rows are active", last.cur().times(one.minus(on)));
    Expr loSum = Expr.constant(0);
    Expr hiSum = Expr.constant(0);
    Expr loIndex = Expr.constant(0);
    for (int i = 0; i < 4; i++) {
      requireBoolean(lo.get(i));
      requireBoolean(hi.get(i));
      loSum = loSum.plus(lo.get(i).cur());
      hiSum = hiSum.plus(hi.get(i).cur());
      loIndex = loIndex.plus(lo.get(i).cur().times(i));
    }
    require("one first byte per active row", loSum.minus(on));
    require("one last byte per active row", hiSum.minus(on));
    // Byte j is covered when lo <= j and not hi < j; a hi before lo makes some mask -1.
    List<Expr> mask = new ArrayList<>();
    Expr upToJ = Expr.constant(0);
    Expr beforeJ = Expr.constant(0);
    for (int j = 0; j < 4; j++) {
      upToJ = upToJ.plus(lo.get(j).cur());
      Expr m = upToJ.minus(beforeJ);
      require("byte " + j + " covered or not", m.times(m.minus(1)));
      mask.add(m);
      beforeJ = beforeJ.plus(hi.get(j).cur());
    }
    Expr count = Expr.sum(mask);

    receive("transfer", Bus.IO, first.cur(),
        tuple(clk.cur(), toJournal.cur(), wordAddress.cur(), loIndex, remaining.cur(), position.cur()));
    // First and last rows are active, so on·(1 - first) = on - first and on·(1 - last) = on - last:
    // written so, the transition constraints below stay of degree 3 (a two-chunk quotient).
    Expr inner = on.minus(first.cur());
    require("a continuing row starts at byte 0", inner.times(one.minus(lo.get(0).cur())));
    Expr continues = on.minus(last.cur());
    require("a row with more to come ends at byte 3", continues.times(one.minus(hi.get(3).cur())));
    require("the last row covers what remains", last.cur().times(remaining.cur().minus(count)));
    requireTransition("a transfer continues on the next row", continues.times(one.minus(active.next())));
    requireTransition("a continuation is not a new transfer", continues.times(first.next()));
    requireTransition("same ecall", continues.times(clk.next().minus(clk.cur())));
    requireTransition("same direction", continues.times(toJournal.next().minus(toJournal.cur())));
    requireTransition("next word", continues.times(wordAddress.next().minus(wordAddress.cur()).minus(1)));
    requireTransition("position advances", continues.times(position.next().minus(position.cur()).minus(count)));
    requireTransition("length shrinks", continues.times(remaining.next().minus(remaining.cur()).plus(count)));
    requireTransition("a new transfer after a last row", last.cur().times(active.next().minus(first.next())));
    requireTransition("active rows come first", one.minus(on).times(active.next()));
    requireFirst("the first active row starts a transfer", on.times(one.minus(first.cur())));
    requireLast("the last active row ends its transfer", on.times(one.minus(last.cur())));

    access.write(this, "word", on, wordAddress.cur(), old.exprs(), updated.exprs(), clk.cur().times(4).plus(3));
    Expr input = on.minus(toJournal.cur());
    Expr before = Expr.constant(0);
    for (int j = 0; j < 4; j++) {
      require("bytes outside the buffer stay, byte " + j, on.times(one.minus(mask.get(j))).times(updated.b(j).minus(old.b(j))));
      require("the journal only reads memory, byte " + j, toJournal.cur().times(updated.b(j).minus(old.b(j))));
      send("journal byte " + j, Bus.JOURNAL, toJournal.cur().times(mask.get(j)), tuple(position.cur().plus(before), old.b(j)));
      before = before.plus(mask.get(j));
    }
    send("input bytes low half", Bus.BYTE, input, tuple(ByteOp.RANGE.id(), updated.b(0), updated.b(1), 0));
    send("input bytes high half", Bus.BYTE, input, tuple(ByteOp.RANGE.id(), updated.b(2), updated.b(3), 0));
  }

  /** One word of a transfer, as the trace builder saw it. */
  public record Event(long clk, boolean toJournal, int wordAddress, int lo, int hi, boolean first, boolean last,
      long remaining, long position, int old, int updated, long prevTs) {}

  public ChipTrace trace(List<Event> events) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      Event e = events.get(r);
      t.set(active, r, true);
      t.set(first, r, e.first());
      t.set(last, r, e.last());
      t.set(clk, r, e.clk());
      t.set(toJournal, r, e.toJournal());
      t.set(wordAddress, r, e.wordAddress());
      t.set(lo.get(e.lo()), r, true);
      t.set(hi.get(e.hi()), r, true);
      t.set(remaining, r, e.remaining());
      t.set(position, r, e.position());
      t.set(old, r, e.old());
      t.set(updated, r, e.updated());
      access.fill(t, r, 4 * e.clk() + 3, e.prevTs());
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

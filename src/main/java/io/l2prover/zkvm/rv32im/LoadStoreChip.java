package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and stores of every width. The CPU hands over (clk, op, byte address, rs2's value, rd's
 * value); this chip splits the address into its word and byte offset (a misaligned half or word
 * cannot be expressed), accesses the word at timestamp 4 clk + 3, and ties the loaded value or
 * the merged stored word to the bytes it touches, sign-extending signed loads by the looked-up
 * sign bit.
 */
public final class LoadStoreChip extends Chip {

  private final Map<MemOp, Col> is = new EnumMap<>(MemOp.class);
  {
    for (MemOp op : MemOp.values()) {
      is.put(op, layout.col("is_" + op.name().toLowerCase()));
    }
  }
  private final Col clk = layout.col("clk");
  private final Word address = layout.word("address");
  private final Word data = layout.word("data");
  private final Word result = layout.word("result");
  private final Word old = layout.word("old");
  private final Word updated = layout.word("new");
  private final Col offset0 = layout.col("offset_bit0");
  private final Col offset1 = layout.col("offset_bit1");
  private final Col offsetBoth = layout.col("offset_bits_product");
  private final Col quarter = layout.col("address_byte0_div4");
  private final Col loadedByte = layout.col("loaded_byte");
  private final Col halfLow = layout.col("half_low");
  private final Col halfHigh = layout.col("half_high");
  private final Col sign = layout.col("sign");
  private final Access access = new Access(layout, "word");

  public LoadStoreChip() {
    super("load_store");
    Expr one = Expr.constant(1);
    Expr real = Expr.constant(0);
    Expr op = Expr.constant(0);
    for (MemOp m : MemOp.values()) {
      requireBoolean(is.get(m));
      real = real.plus(x(m));
      op = op.plus(x(m).times(m.id()));
    }
    require("one operation per row", real.times(real.minus(1)));
    receive("load or store", Bus.MEMORY_OP, real, tuple(clk.cur(), op, address.exprs(), data.exprs(), result.exprs()));

    requireBoolean(offset0);
    requireBoolean(offset1);
    Expr o0 = offset0.cur();
    Expr o1 = offset1.cur();
    require("address byte 0 is 4 q + offset", address.b(0).minus(o0).minus(o1.times(2)).minus(quarter.cur().times(4)));
    send("q below 64", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), quarter.cur(), 0, 0));
    send("address below the provable limit", Bus.BYTE, real, tuple(ByteOp.RANGE.id(), address.b(3).plus(32), 0, 0));
    require("halves are aligned", x(MemOp.LH).plus(x(MemOp.LHU)).plus(x(MemOp.SH)).times(o0));
    Expr words = x(MemOp.LW).plus(x(MemOp.SW));
    require("words are aligned (bit 0)", words.times(o0));
    require("words are aligned (bit 1)", words.times(o1));
    Expr wordAddress = quarter.cur().plus(address.b(1).times(1 << 6)).plus(address.b(2).times(1 << 14))
        .plus(address.b(3).times(1 << 22));
    access.write(this, "word", real, wordAddress, old.exprs(), updated.exprs(), clk.cur().times(4).plus(3));

    // The byte selectors (1 - o0)(1 - o1), o0(1 - o1), (1 - o0)o1, o0·o1, written with the product
    // in its own column so that they are linear and every constraint using them stays of degree 3.
    require("offset bits product", offsetBoth.cur().minus(o0.times(o1)));
    Expr both = offsetBoth.cur();
    Expr[] selected = {one.minus(o0).minus(o1).plus(both), o0.minus(both), o1.minus(both), both};
    Expr loads = x(MemOp.LB).plus(x(MemOp.LBU)).plus(x(MemOp.LH)).plus(x(MemOp.LHU)).plus(words.minus(x(MemOp.SW)));
    for (int i = 0; i < 4; i++) {
      require("a load leaves memory as it was, byte " + i, loads.times(updated.b(i).minus(old.b(i))));
    }
    Expr byteAt = Expr.constant(0);
    for (int j = 0; j < 4; j++) {
      byteAt = byteAt.plus(selected[j].times(old.b(j)));
    }
    Expr byteLoads = x(MemOp.LB).plus(x(MemOp.LBU));
    Expr halfLoads = x(MemOp.LH).plus(x(MemOp.LHU));
    require("the loaded byte", byteLoads.times(loadedByte.cur().minus(byteAt)));
    require("the loaded half, low byte",
        halfLoads.times(halfLow.cur().minus(one.minus(o1).times(old.b(0)).plus(o1.times(old.b(2))))));
    require("the loaded half, high byte",
        halfLoads.times(halfHigh.cur().minus(one.minus(o1).times(old.b(1)).plus(o1.times(old.b(3))))));
    Expr top = x(MemOp.LB).times(loadedByte.cur()).plus(x(MemOp.LH).times(halfHigh.cur()));
    send("sign of a signed load", Bus.BYTE, x(MemOp.LB).plus(x(MemOp.LH)), tuple(ByteOp.MSB.id(), top, 0, sign.cur()));
    Expr extension = sign.cur().times(255);
    requireResult(MemOp.LB, List.of(loadedByte.cur(), extension, extension, extension));
    requireResult(MemOp.LBU, List.of(loadedByte.cur(), Expr.constant(0), Expr.constant(0), Expr.constant(0)));
    requireResult(MemOp.LH, List.of(halfLow.cur(), halfHigh.cur(), extension, extension));
    requireResult(MemOp.LHU, List.of(halfLow.cur(), halfHigh.cur(), Expr.constant(0), Expr.constant(0)));
    requireResult(MemOp.LW, old.exprs());

    for (int j = 0; j < 4; j++) {
      require("a byte store merges byte " + j,
          x(MemOp.SB).times(updated.b(j).minus(old.b(j)).minus(selected[j].times(data.b(0).minus(old.b(j))))));
      Expr inHigh = j >= 2 ? o1 : one.minus(o1);
      Expr half = data.b(j & 1);
      require("a half store merges byte " + j,
          x(MemOp.SH).times(updated.b(j).minus(old.b(j)).minus(inHigh.times(half.minus(old.b(j))))));
      require("a word store writes byte " + j, x(MemOp.SW).times(updated.b(j).minus(data.b(j))));
    }
  }

  private Expr x(MemOp op) {
    return is.get(op).cur();
  }

  private void requireResult(MemOp op, List<Expr> expected) {
    for (int i = 0; i < 4; i++) {
      require(op.name().toLowerCase() + " result byte " + i, x(op).times(result.b(i).minus(expected.get(i))));
    }
  }

  /** One load or store as the trace builder saw it. */
  public record Event(long clk, MemOp op, int address, int data, int result, int old, int updated, long prevTs) {}

  public ChipTrace trace(List<Event> events) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(events.size(), 1));
    for (int r = 0; r < events.size(); r++) {
      Event e = events.get(r);
      t.set(is.get(e.op()), r, true);
      t.set(clk, r, e.clk());
      t.set(address, r, e.address());
      t.set(data, r, e.data());
      t.set(result, r, e.result());
      t.set(old, r, e.old());
      t.set(updated, r, e.updated());
      int offset = e.address() & 3;
      t.set(offset0, r, offset & 1);
      t.set(offset1, r, offset >>> 1);
      t.set(offsetBoth, r, offset == 3);
      t.set(quarter, r, (e.address() & 0xff) >>> 2);
      int b = (e.old() >>> (8 * offset)) & 0xff;
      t.set(loadedByte, r, b);
      int halfShift = 8 * (offset & 2);
      t.set(halfLow, r, (e.old() >>> halfShift) & 0xff);
      t.set(halfHigh, r, (e.old() >>> (halfShift + 8)) & 0xff);
      int signSource = e.op() == MemOp.LB ? b : e.op() == MemOp.LH ? (e.old() >>> (halfShift + 8)) & 0xff : 0;
      t.set(sign, r, signSource >>> 7);
      access.fill(t, r, 4 * e.clk() + 3, e.prevTs());
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

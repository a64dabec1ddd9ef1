package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * The columns of one access in the memory argument: the timestamp of the previous access to
 * the same address and the gap to this one, split into three bytes and a bit so a lookup proves
 * 0 <= ts - prev - 1 < 2^25. Timestamps stay below 2^25, far below p - 2^25, so a forged
 * earlier-than-previous access would need a gap near p and cannot pass. The access itself
 * takes (address, old value, prev) off {@link Bus#MEMORY} and puts (address, new value, ts) on.
 */
final class Access {

  /** Timestamps must stay below this; see the class comment. */
  static final int TIMESTAMP_LIMIT = 1 << 25;

  private final Col prevTs;
  private final List<Col> gap;

  Access(Layout layout, String name) {
    this.prevTs = layout.col(name + ".prev_ts");
    this.gap = layout.cols(name + ".gap", 4);
  }

  /** A read of {@code value} at {@code address} and time {@code ts}, on the rows {@code gate} selects. */
  void read(Chip chip, String name, Expr gate, Expr address, List<Expr> value, Expr ts) {
    write(chip, name, gate, address, value, value, ts);
  }

  /** A write of {@code value} over {@code old} at {@code address} and time {@code ts}. */
  void write(Chip chip, String name, Expr gate, Expr address, List<Expr> old, List<Expr> value, Expr ts) {
    take(chip, name, gate, address, old, ts);
    put(chip, name, gate, address, value, ts);
  }

  /**
   * The first half of an access at {@code ts}: (address, old, prev_ts) taken off the memory bus,
   * with the gap proven. The chip must {@link #put} the new value at the same address and time,
   * on this row or on a row its constraints tie to this one (the Keccak chip takes the state on
   * a call's first row and puts the result on its last).
   */
  void take(Chip chip, String name, Expr gate, Expr address, List<Expr> old, Expr ts) {
    chip.requireBoolean(gap.get(3));
    Expr span = gap.get(0).cur().plus(gap.get(1).cur().times(1 << 8)).plus(gap.get(2).cur().times(1 << 16))
        .plus(gap.get(3).cur().times(1 << 24));
    chip.require(name + " comes after the previous access", gate.times(ts.minus(prevTs.cur()).minus(1).minus(span)));
    chip.send(name + " gap low", Bus.BYTE, gate, Chip.tuple(ByteOp.RANGE.id(), gap.get(0).cur(), gap.get(1).cur(), 0));
    chip.send(name + " gap high", Bus.BYTE, gate, Chip.tuple(ByteOp.RANGE.id(), gap.get(2).cur(), 0, 0));
    chip.receive(name + " previous", Bus.MEMORY, gate, Chip.tuple(address, old, prevTs.cur()));
  }

  /** The second half of an access: (address, value, ts) put on the memory bus. */
  static void put(Chip chip, String name, Expr gate, Expr address, List<Expr> value, Expr ts) {
    chip.send(name, Bus.MEMORY, gate, Chip.tuple(address, value, ts));
  }

  /** Fills the columns for an access at {@code ts} whose previous access was at {@code prev}. */
  void fill(TraceTable t, int row, long ts, long prev) {
    long span = ts - prev - 1;
    if (span < 0 || span >= TIMESTAMP_LIMIT) {
      throw new IllegalStateException("memory access at " + ts + " after one at " + prev);
    }
    t.set(prevTs, row, prev);
    t.set(gap.get(0), row, span & 0xff);
    t.set(gap.get(1), row, (span >>> 8) & 0xff);
    t.set(gap.get(2), row, (span >>> 16) & 0xff);
    t.set(gap.get(3), row, span >>> 24);
  }

  /**
   * A write right after a read of the same address by the same row (at {@code ts - 1}): no gap
   * to prove, so no columns.
   */
  static void writeAfterRead(Chip chip, String name, Expr gate, Expr address, List<Expr> old, List<Expr> value, Expr ts) {
    chip.receive(name + " previous", Bus.MEMORY, gate, Chip.tuple(address, old, ts.minus(1)));
    chip.send(name, Bus.MEMORY, gate, Chip.tuple(address, value, ts));
  }
}

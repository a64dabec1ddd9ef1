package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * A segment's memory at its boundaries: one row per address it touches (all 32 registers
 * always). Each row puts the address's value at segment start on the segment's memory bus at
 * timestamp 0 and takes the value after its last access off it; across segments it takes the
 * start value from the global bus, tagged with an earlier segment, and hands the end value on
 * tagged with this segment's number. The receipt's memory-init table is the first link of every
 * address's chain, so a segment can only start from the value the previous toucher left.
 */
public final class MemoryBoundaryChip extends Chip {

  /** Public value: this segment's number, from 1. */
  public static final int SEGMENT = 0;

  private final Col real = layout.col("real");
  /** The segment number on every row (interactions read columns, not public values). */
  private final Col segment = layout.col("segment");
  private final Col address = layout.col("address");
  private final Word start = layout.word("start_value");
  private final Word end = layout.word("end_value");
  private final Col lastTs = layout.col("last_ts");
  private final Col previousSegment = layout.col("previous_segment");
  private final List<Col> segmentGap = layout.cols("segment_gap", 2);

  public MemoryBoundaryChip() {
    super("memory_boundary");
    Expr on = real.cur();
    requireBoolean(real);
    require("the segment number", segment.cur().minus(new Expr.Public(SEGMENT)));
    send("start value", Bus.MEMORY, on, tuple(address.cur(), start.exprs(), 0));
    receive("end value", Bus.MEMORY, on, tuple(address.cur(), end.exprs(), lastTs.cur()));
    receive("value handed in", Bus.GLOBAL_MEMORY, on, tuple(address.cur(), start.exprs(), previousSegment.cur()));
    send("value handed on", Bus.GLOBAL_MEMORY, on, tuple(address.cur(), end.exprs(), segment.cur()));
    Expr gap = segmentGap.get(0).cur().plus(segmentGap.get(1).cur().times(256));
    require("handed in from an earlier segment",
        on.times(segment.cur().minus(previousSegment.cur()).minus(1).minus(gap)));
    send("segment gap in range", Bus.BYTE, on,
        tuple(ByteOp.RANGE.id(), segmentGap.get(0).cur(), segmentGap.get(1).cur(), 0));
  }

  @Override
  public int publicValueCount() {
    return 1;
  }

  /** One touched address: its values at the boundaries, last access time and last toucher. */
  public record Row(int address, int start, int end, long lastTs, int previousSegment) {}

  public ChipTrace trace(List<Row> rows, int segment) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(rows.size(), 1));
    for (int r = 0; r < t.rows(); r++) {
      t.set(this.segment, r, segment);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      t.set(real, r, true);
      t.set(address, r, row.address());
      t.set(start, r, row.start());
      t.set(end, r, row.end());
      t.set(lastTs, r, row.lastTs());
      t.set(previousSegment, r, row.previousSegment());
      int gap = segment - row.previousSegment() - 1;
      if (gap < 0 || gap >= 1 << 16) {
        throw new IllegalStateException("segment " + segment + " cannot follow segment " + row.previousSegment());
      }
      t.set(segmentGap.get(0), r, gap & 0xff);
      t.set(segmentGap.get(1), r, gap >>> 8);
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[] {segment});
  }
}

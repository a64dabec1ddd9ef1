package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * Every address an execution touches, once, in increasing order: its initial value (the
 * program image's word, taken off the image bus, or zero) handed to the first segment that
 * touches it, and its final value taken back from the last. Sorted addresses below 2^30 with
 * range-checked gaps below 0x38000000 never wrap the field, so no address appears twice and no
 * address can start from two values; and every image word must be taken exactly once.
 */
public final class MemoryInitChip extends Chip {

  private final Col real = layout.col("real");
  private final List<Col> addressBytes = layout.cols("address", 4);
  private final Word initial = layout.word("initial");
  private final Col fromImage = layout.col("from_image");
  private final Word last = layout.word("final");
  private final Col lastSegment = layout.col("final_segment");
  private final List<Col> gap = layout.cols("gap", 4);

  public MemoryInitChip() {
    super("memory_init");
    Expr one = Expr.constant(1);
    Expr on = real.cur();
    requireBoolean(real);
    requireBoolean(fromImage);
    requireFirst("the first row is an address", on.minus(1));
    requireTransition("addresses come before padding", one.minus(on).times(real.next()));
    Expr address = bytes(addressBytes, false);
    send("address below 2^30", Bus.BYTE, on,
        tuple(ByteOp.RANGE.id(), addressBytes.get(0).cur(), addressBytes.get(1).cur(), 0));
    send("address below 2^30, high", Bus.BYTE, on,
        tuple(ByteOp.RANGE.id(), addressBytes.get(2).cur(), addressBytes.get(3).cur().plus(192), 0));
    requireTransition("addresses increase", real.next().times(bytes(addressBytes, true).minus(address).minus(1)
        .minus(bytes(gap, false))));
    send("gap in range", Bus.BYTE, on, tuple(ByteOp.RANGE.id(), gap.get(0).cur(), gap.get(1).cur(), 0));
    send("gap in range, high", Bus.BYTE, on,
        tuple(ByteOp.RANGE.id(), gap.get(2).cur(), gap.get(3).cur().plus(200), 0));
    for (int i = 0; i < 4; i++) {
      require("memory outside the image starts at zero, byte " + i, one.minus(fromImage.cur()).times(initial.b(i)));
    }
    require("padding is not from the image", one.minus(on).times(fromImage.cur()));
    send("image word", Bus.IMAGE, fromImage.cur(), tuple(address, initial.exprs()));
    send("initial value", Bus.GLOBAL_MEMORY, on, tuple(address, initial.exprs(), 0));
    receive("final value", Bus.GLOBAL_MEMORY, on, tuple(address, last.exprs(), lastSegment.cur()));
  }

  private static Expr bytes(List<Col> cols, boolean nextRow) {
    Expr v = Expr.constant(0);
    for (int i = 3; i >= 0; i--) {
      v = v.times(256).plus(nextRow ? cols.get(i).next() : cols.get(i).cur());
    }
    return v;
  }

  /** One address of the execution, with its initial and final value. */
  public record Row(int address, int initial, boolean fromImage, int last, int lastSegment) {}

  /** Rows must be sorted by address, distinct. */
  public ChipTrace trace(List<Row> rows) {
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(rows.size(), 1));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      t.set(real, r, true);
      for (int i = 0; i < 4; i++) {
        t.set(addressBytes.get(i), r, (row.address() >>> (8 * i)) & 0xff);
      }
      t.set(initial, r, row.initial());
      t.set(fromImage, r, row.fromImage());
      t.set(last, r, row.last());
      t.set(lastSegment, r, row.lastSegment());
      if (r + 1 < rows.size()) {
        int g = rows.get(r + 1).address() - row.address() - 1;
        if (g < 0) {
          throw new IllegalArgumentException("memory init rows not sorted at " + Integer.toHexString(row.address()));
        }
        for (int i = 0; i < 4; i++) {
          t.set(gap.get(i), r, (g >>> (8 * i)) & 0xff);
        }
      }
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }
}

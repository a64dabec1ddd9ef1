package io.l2prover.zkvm.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link TraceSink} that keeps every cycle in columns (one int array per field), for the prover and tests. */
public final class TraceBuffer implements TraceSink {

  /** One cycle, as read back from the columns. */
  public record Row(long cycle, int pc, int instruction, int rs1Value, int rs2Value, int rd, int rdValue,
      int memoryAddress, int memoryBefore, int memoryAfter) {}

  /** Bytes the host wrote into guest memory during a read ecall. */
  public record HostWrite(long cycle, int address, byte[] data) {}

  private static final int FIELDS = 9;
  private int[] columns = new int[FIELDS * 1024];
  private int size;
  private long firstCycle = -1;
  private final List<HostWrite> hostWrites = new ArrayList<>();

  @Override
  public void cycle(long cycle, int pc, int instruction, int rs1Value, int rs2Value, int rd, int rdValue,
      int memoryAddress, int memoryBefore, int memoryAfter) {
    if (firstCycle < 0) {
      firstCycle = cycle;
    } else if (cycle != firstCycle + size) {
      throw new IllegalArgumentException("cycle " + cycle + " out of order; expected " + (firstCycle + size));
    }
    if ((size + 1) * FIELDS > columns.length) {
      columns = Arrays.copyOf(columns, columns.length * 2);
    }
    int at = size * FIELDS;
    columns[at] = pc;
    columns[at + 1] = instruction;
    columns[at + 2] = rs1Value;
    columns[at + 3] = rs2Value;
    columns[at + 4] = rd;
    columns[at + 5] = rdValue;
    columns[at + 6] = memoryAddress;
    columns[at + 7] = memoryBefore;
    columns[at + 8] = memoryAfter;
    size++;
  }

  @Override
  public void hostWrite(long cycle, int address, byte[] data) {
    hostWrites.add(new HostWrite(cycle, address, data.clone()));
  }

  public int size() {
    return size;
  }

  public Row row(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("row " + i + " of " + size);
    }
    int at = i * FIELDS;
    return new Row(firstCycle + i, columns[at], columns[at + 1], columns[at + 2], columns[at + 3], columns[at + 4],
        columns[at + 5], columns[at + 6], columns[at + 7], columns[at + 8]);
  }

  public List<HostWrite> hostWrites() {
    return List.copyOf(hostWrites);
  }
}

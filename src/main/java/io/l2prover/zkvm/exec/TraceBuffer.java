package io.l2prover.zkvm.exec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link TraceSink} that keeps every step in int columns (a few ecalls aside), for the prover
 * and tests. Its rows are consecutive steps from the first one it received: one cycle each, but
 * a precompile call's step covers all its cycles ({@link Ecall#cycles}).
 */
public final class TraceBuffer implements TraceSink {

  private static final int PC = 0;
  private static final int INSTRUCTION = 1;
  private static final int NEXT_PC = 2;
  private static final int RS1 = 3;
  private static final int RS1_VALUE = 4;
  private static final int RS2 = 5;
  private static final int RS2_VALUE = 6;
  private static final int RD = 7;
  private static final int RD_VALUE = 8;
  /** 0 without a memory access, else width | 8 for a store. */
  private static final int ACCESS = 9;
  private static final int ADDRESS = 10;
  private static final int BEFORE = 11;
  private static final int AFTER = 12;
  private static final int FIELDS = 13;
  private static final int STORE = 8;

  private int[] columns = new int[FIELDS * 1024];
  private int size;
  private long firstCycle = -1;
  private final Map<Integer, Ecall> ecalls = new HashMap<>();
  /** For each row that cost more than one cycle: the extra cycles of it and every row before it. */
  private final TreeMap<Integer, Long> skipped = new TreeMap<>();
  private long extra;

  @Override
  public void step(TraceStep s) {
    if (firstCycle < 0) {
      firstCycle = s.cycle();
    } else if (s.cycle() != endCycle()) {
      throw new IllegalArgumentException("cycle " + s.cycle() + " out of order; expected " + endCycle());
    }
    if ((size + 1) * FIELDS > columns.length) {
      columns = Arrays.copyOf(columns, columns.length * 2);
    }
    int at = size * FIELDS;
    columns[at + PC] = s.pc();
    columns[at + INSTRUCTION] = s.instruction();
    columns[at + NEXT_PC] = s.nextPc();
    columns[at + RS1] = s.rs1();
    columns[at + RS1_VALUE] = s.rs1Value();
    columns[at + RS2] = s.rs2();
    columns[at + RS2_VALUE] = s.rs2Value();
    columns[at + RD] = s.rd();
    columns[at + RD_VALUE] = s.rdValue();
    MemoryAccess m = s.memory();
    columns[at + ACCESS] = m == null ? 0 : m.width() | (m.store() ? STORE : 0);
    columns[at + ADDRESS] = m == null ? 0 : m.address();
    columns[at + BEFORE] = m == null ? 0 : m.before();
    columns[at + AFTER] = m == null ? 0 : m.after();
    if (s.ecall() != null) {
      ecalls.put(size, s.ecall());
      if (s.ecall().cycles() > 1) {
        extra += s.ecall().cycles() - 1;
        skipped.put(size, extra);
      }
    }
    size++;
  }

  /** Steps held. */
  public int size() {
    return size;
  }

  /** The cycle of row 0 (-1 while empty). */
  public long firstCycle() {
    return firstCycle;
  }

  /** The cycle after the last step (its cycle plus its cost); {@code firstCycle() + size()} without precompiles. */
  public long endCycle() {
    return firstCycle + size + extra;
  }

  /** Row {@code i}: the {@code i}-th step, of cycle {@code firstCycle() + i} plus the extra cycles of the calls before it. */
  public TraceStep step(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("row " + i + " of " + size);
    }
    int at = i * FIELDS;
    int access = columns[at + ACCESS];
    MemoryAccess memory = access == 0 ? null : new MemoryAccess(columns[at + ADDRESS], access & (STORE - 1),
        (access & STORE) != 0, columns[at + BEFORE], columns[at + AFTER]);
    Map.Entry<Integer, Long> before = skipped.lowerEntry(i);
    return new TraceStep(firstCycle + i + (before == null ? 0 : before.getValue()), columns[at + PC], columns[at + INSTRUCTION], columns[at + NEXT_PC],
        columns[at + RS1], columns[at + RS1_VALUE], columns[at + RS2], columns[at + RS2_VALUE], columns[at + RD],
        columns[at + RD_VALUE], memory, ecalls.get(i));
  }
}

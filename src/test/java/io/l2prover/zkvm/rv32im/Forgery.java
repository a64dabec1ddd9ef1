package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a cheating prover writes: the tables of an honest one-segment execution with cells changed
 * by chip, column and row, and the lookup counts it is free to choose recomputed (the segment's
 * program and byte tables, the memory proof's byte table), so that a forgery is not given away by
 * a count the cheater could have fixed. Each forgery starts from a fresh copy of the honest tables.
 */
final class Forgery {

  private final Rv32imCircuit circuit;
  private final ExecutionTraces.Tables honest;
  private final Map<ChipTrace, int[][]> mains = new IdentityHashMap<>();
  private final Map<ChipTrace, int[]> publics = new IdentityHashMap<>();
  private byte[] journal;

  Forgery(Rv32imCircuit circuit, ExecutionTraces.Tables honest) {
    if (honest.segments().size() != 1) {
      throw new IllegalArgumentException("forgeries edit one-segment executions");
    }
    this.circuit = circuit;
    this.honest = honest;
    this.journal = honest.journal();
  }

  /** One row of a table as the forgery has it so far. */
  record Row(ChipTrace table, int[][] main, int index) {
    int get(String column) {
      return main[column(table, column)][index];
    }

    /** The word held in the four byte columns {@code name[0..3]}. */
    int word(String name) {
      int w = 0;
      for (int i = 0; i < 4; i++) {
        w |= get(name + "[" + i + "]") << (8 * i);
      }
      return w;
    }
  }

  /** The first row of {@code chip} where {@code where} holds. */
  int row(String chip, Predicate<Row> where) {
    ChipTrace t = table(chip);
    for (int r = 0; r < t.rows(); r++) {
      if (where.test(new Row(t, main(t), r))) {
        return r;
      }
    }
    throw new IllegalStateException("the honest run has no such " + chip + " row");
  }

  Row at(String chip, int row) {
    ChipTrace t = table(chip);
    return new Row(t, main(t), row);
  }

  Forgery set(String chip, String column, int row, long value) {
    ChipTrace t = table(chip);
    main(t)[column(t, column)][row] = BabyBear.fromLong(value);
    return this;
  }

  Forgery setWord(String chip, String word, int row, int value) {
    for (int i = 0; i < 4; i++) {
      set(chip, word + "[" + i + "]", row, (value >>> (8 * i)) & 0xff);
    }
    return this;
  }

  /** Every column of {@code row} zero: the row becomes padding. */
  Forgery clear(String chip, int row) {
    for (int[] column : main(table(chip))) {
      column[row] = 0;
    }
    return this;
  }

  /** Swaps two rows of {@code chip}, every column. */
  Forgery swap(String chip, int a, int b) {
    for (int[] column : main(table(chip))) {
      int x = column[a];
      column[a] = column[b];
      column[b] = x;
    }
    return this;
  }

  Forgery publicValue(String chip, int index, int value) {
    ChipTrace t = table(chip);
    publics.computeIfAbsent(t, k -> k.publicValues().clone())[index] = value;
    return this;
  }

  Forgery journal(byte[] claimed) {
    this.journal = claimed.clone();
    return this;
  }

  /**
   * The access {@code name} of {@code chip} at {@code row}, made to claim the previous access at
   * {@code prevTs}: the gap columns hold ts − prev − 1 as the field has it (a number near p when
   * the previous access is in fact later), split as the constraint wants, its top part in gap 2.
   */
  Forgery previousAccess(String chip, String name, int row, long ts, long prevTs) {
    int span = BabyBear.fromLong(ts - prevTs - 1);
    set(chip, name + ".prev_ts", row, prevTs);
    set(chip, name + ".gap[0]", row, span & 0xff);
    set(chip, name + ".gap[1]", row, (span >>> 8) & 0xff);
    set(chip, name + ".gap[2]", row, span >>> 16);
    return set(chip, name + ".gap[3]", row, 0);
  }

  /**
   * Hands {@code value} on as the execution's last value of {@code address} (a word address or a
   * register's): the boundary row's end value and the memory-init row's final value, which must
   * have held {@code honestValue}.
   */
  Forgery endValue(int address, int honestValue, int value) {
    int boundary = row("memory_boundary", r -> r.get("real") == 1 && r.get("address") == BabyBear.fromLong(address));
    int init = row("memory_init", r -> r.get("real") == 1 && initAddress(r) == address);
    if (at("memory_boundary", boundary).word("end_value") != honestValue
        || at("memory_init", init).word("final") != honestValue) {
      throw new IllegalStateException("address 0x" + Integer.toHexString(address) + " does not end at 0x"
          + Integer.toHexString(honestValue));
    }
    setWord("memory_boundary", "end_value", boundary, value);
    return setWord("memory_init", "final", init, value);
  }

  static int initAddress(Row r) {
    int a = 0;
    for (int i = 0; i < 4; i++) {
      a |= r.get("address[" + i + "]") << (8 * i);
    }
    return a;
  }

  /** The forged tables, with the lookup counts recomputed. */
  ExecutionTraces.Tables build() {
    ExecutionTraces.SegmentTables s = honest.segments().get(0);
    List<ChipTrace> tables = new ArrayList<>();
    for (ChipTrace t : s.tables()) {
      if (t.chip() == circuit.programTable()) {
        tables.add(circuit.programTable().trace(tables));
      } else if (t.chip() == circuit.bytes()) {
        tables.add(circuit.bytes().trace(tables));
      } else {
        tables.add(edited(t));
      }
    }
    List<ChipTrace> memory = new ArrayList<>();
    for (ChipTrace t : honest.memory()) {
      memory.add(t.chip() == circuit.bytes() ? circuit.bytes().trace(memory) : edited(t));
    }
    ExecutionTraces.SegmentTables segment = new ExecutionTraces.SegmentTables(s.index(), List.copyOf(tables),
        s.journalStart(), journal);
    return new ExecutionTraces.Tables(List.of(segment), List.copyOf(memory), honest.exitCode(), journal);
  }

  private ChipTrace edited(ChipTrace t) {
    int[][] main = mains.get(t);
    int[] p = publics.get(t);
    return main == null && p == null ? t
        : new ChipTrace(t.chip(), t.preprocessed(), main == null ? t.main() : main, p == null ? t.publicValues() : p);
  }

  private ChipTrace table(String chip) {
    List<ChipTrace> all = new ArrayList<>(honest.segments().get(0).tables());
    all.addAll(honest.memory());
    List<ChipTrace> named = all.stream().filter(t -> t.chip().name().equals(chip)).toList();
    if (named.size() != 1) {
      throw new IllegalArgumentException(named.size() + " tables named " + chip);
    }
    return named.get(0);
  }

  private int[][] main(ChipTrace t) {
    return mains.computeIfAbsent(t, k -> {
      int[][] copy = new int[k.main().length][];
      for (int c = 0; c < copy.length; c++) {
        copy[c] = k.main()[c].clone();
      }
      return copy;
    });
  }

  private static int column(ChipTrace t, String name) {
    int i = t.chip().columnNames().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(t.chip().name() + " has no column " + name);
    }
    return i;
  }
}

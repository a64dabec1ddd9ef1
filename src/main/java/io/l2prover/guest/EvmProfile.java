package io.l2prover.guest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cycles of block guest runs by EVM opcode ({@link EvmOpcodeProfiler}): exact counts, whose
 * opcodes and outside part add up to the runs' cycles.
 *
 * @param cycles every cycle of the runs
 * @param runs how many runs
 * @param opcodes the opcodes that ran, most cycles first (ties by opcode)
 */
public record EvmProfile(long cycles, int runs, List<OpcodeCycles> opcodes) {

  /**
   * One opcode's part: the cycles from each of its dispatches to the next dispatch, with all it
   * calls (precompiles, the world state, tries, hashing) but without the opcodes of the frames it
   * opens, which count for themselves.
   */
  public record OpcodeCycles(int opcode, long count, long cycles) {

    public String name() {
      return EvmOpcodes.name(opcode);
    }

    public double perExecution() {
      return count == 0 ? 0 : (double) cycles / count;
    }
  }

  public EvmProfile {
    opcodes = opcodes.stream().sorted(Comparator.comparingLong(OpcodeCycles::cycles).reversed()
        .thenComparingInt(OpcodeCycles::opcode)).toList();
    if (interpreterCycles(opcodes) > cycles) {
      throw new IllegalArgumentException("opcodes take " + interpreterCycles(opcodes) + " cycles of " + cycles);
    }
  }

  /** The cycles of every opcode: the interpreter's part of the runs. */
  public long interpreterCycles() {
    return interpreterCycles(opcodes);
  }

  /** The cycles outside the interpreter: decoding, sender recovery, transaction rules, tries, roots. */
  public long outsideCycles() {
    return cycles - interpreterCycles();
  }

  /** How many opcodes ran. */
  public long executions() {
    return opcodes.stream().mapToLong(OpcodeCycles::count).sum();
  }

  /** From per-opcode arrays (256 entries each); opcodes that never ran are left out. */
  static EvmProfile of(long cycles, int runs, long[] counts, long[] opcodeCycles) {
    List<OpcodeCycles> list = new ArrayList<>();
    for (int op = 0; op < 256; op++) {
      if (counts[op] > 0) {
        list.add(new OpcodeCycles(op, counts[op], opcodeCycles[op]));
      }
    }
    return new EvmProfile(cycles, runs, list);
  }

  private static long interpreterCycles(List<OpcodeCycles> opcodes) {
    return opcodes.stream().mapToLong(OpcodeCycles::cycles).sum();
  }
}

package io.l2prover.zkvm.stark.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A constraint program lowered for evaluation over blocks of points: the instructions that read
 * no trace cell (constants, public values, challenges and anything computed only from them, such
 * as the powers of the LogUp combiner β) are evaluated once, and the others are rewritten into
 * {@code laneCode} over a compact register file. A base register takes one lane array, an
 * extension register four; registers are reused once their value is dead, so that a block's
 * working set stays in the first-level cache. Each constraint value is added into its selector's
 * α-weighted sum ({@link #ACC_B}, {@link #ACC_E}) right after it is computed, so constraint values
 * do not stay live until the end.
 *
 * <p>The register file is an array of slots, each one lane array; a base register takes one slot,
 * an extension register 4 consecutive ones (coordinate k in slot s + k). Lane instructions are 4
 * ints: opcode, destination slot, operand a, operand b. Operands that are not slots: trace column
 * and next-row flag for the gathers; the constraint's selector ordinal (in the destination field)
 * and index for the accumulations. {@code slotValues} holds each slot's initial value in every
 * lane: the value of the uniform register it holds, or 0.
 */
record QuotientPlan(int[] laneCode, int[] slotValues) {

  static final int GATHER_PRE = 0; // d, column, next
  static final int GATHER_MAIN = 1; // d, column, next
  static final int GATHER_AUX = 2; // d (extension), extension column, next
  static final int ADD_BB = 3;
  static final int SUB_BB = 4;
  static final int MUL_BB = 5;
  static final int NEG_B = 6; // d, a
  static final int ADD_EE = 7;
  static final int ADD_EB = 8; // a extension, b base
  static final int SUB_EE = 9;
  static final int SUB_EB = 10; // a extension, b base
  static final int SUB_BE = 11; // a base, b extension
  static final int MUL_EB = 12; // a extension, b base
  static final int MUL_EE = 13;
  static final int NEG_E = 14; // d, a
  static final int WIDEN = 15; // d (extension), a (base): coordinates 1..3 zero
  static final int ACC_B = 16; // selector ordinal, a (base), constraint index
  static final int ACC_E = 17; // selector ordinal, a (extension), constraint index

  /** Plans {@code t}: the uniform registers that the lane code reads get slots of their own. */
  static QuotientPlan of(QuotientTask t) {
    int[] code = t.code();
    int registers = t.registers();
    boolean[] uniform = new boolean[registers];
    boolean[] ext = new boolean[registers];
    int[] uniformCode = new int[code.length];
    int u = 0;
    Lowering lowering = new Lowering(registers);
    for (int pc = 0; pc < code.length; pc += 4) {
      int op = code[pc];
      int dst = code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      boolean isUniform = switch (op) {
        case CpuQuotientKernel.CONST, CpuQuotientKernel.PUB, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB -> true;
        case CpuQuotientKernel.PRE, CpuQuotientKernel.MAIN, CpuQuotientKernel.AUX -> false;
        case CpuQuotientKernel.NEG_B, CpuQuotientKernel.NEG_E -> uniform[a];
        default -> uniform[a] && uniform[b];
      };
      uniform[dst] = isUniform;
      ext[dst] = switch (op) {
        case CpuQuotientKernel.AUX, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB, CpuQuotientKernel.ADD_E,
            CpuQuotientKernel.SUB_E, CpuQuotientKernel.MUL_EB, CpuQuotientKernel.MUL_EE, CpuQuotientKernel.NEG_E -> true;
        default -> false;
      };
      if (isUniform) {
        System.arraycopy(code, pc, uniformCode, u, 4);
        u += 4;
      } else {
        lowering.lower(op, dst, a, b, ext);
      }
      lowering.defined(dst, ext[dst]);
    }
    int[] values = new int[4 * registers];
    CpuQuotientKernel.run(t, Arrays.copyOf(uniformCode, u), 0, 0, values);
    int[] outputs = t.outputs();
    int[] when = t.when();
    lowering.accumulate(outputs, when, ext);
    return lowering.allocate(uniform, values);
  }

  /** The lane code over virtual registers (the program's, then widened temporaries), then allocated. */
  private static final class Lowering {
    final List<int[]> code = new ArrayList<>();
    final List<Boolean> kinds = new ArrayList<>(); // extension or base, per virtual register
    /** For each program register, the index of the lane instruction after which it is defined. */
    final int[] definedAt;
    final List<List<int[]>> accumulations = new ArrayList<>();

    Lowering(int registers) {
      definedAt = new int[registers];
      for (int i = 0; i < registers; i++) {
        kinds.add(false);
      }
    }

    void defined(int dst, boolean ext) {
      definedAt[dst] = code.size();
      kinds.set(dst, ext);
    }

    void lower(int op, int dst, int a, int b, boolean[] ext) {
      switch (op) {
        case CpuQuotientKernel.PRE -> emit(GATHER_PRE, dst, a, b);
        case CpuQuotientKernel.MAIN -> emit(GATHER_MAIN, dst, a, b);
        case CpuQuotientKernel.AUX -> emit(GATHER_AUX, dst, a, b);
        case CpuQuotientKernel.ADD_B -> emit(ADD_BB, dst, a, b);
        case CpuQuotientKernel.SUB_B -> emit(SUB_BB, dst, a, b);
        case CpuQuotientKernel.MUL_BB -> emit(MUL_BB, dst, a, b);
        case CpuQuotientKernel.NEG_B -> emit(NEG_B, dst, a, 0);
        case CpuQuotientKernel.ADD_E -> {
          if (ext[a] && ext[b]) {
            emit(ADD_EE, dst, a, b);
          } else if (ext[a]) {
            emit(ADD_EB, dst, a, b);
          } else if (ext[b]) {
            emit(ADD_EB, dst, b, a);
          } else {
            emit(ADD_EB, dst, widen(a), b);
          }
        }
        case CpuQuotientKernel.SUB_E -> {
          if (ext[a] && ext[b]) {
            emit(SUB_EE, dst, a, b);
          } else if (ext[a]) {
            emit(SUB_EB, dst, a, b);
          } else if (ext[b]) {
            emit(SUB_BE, dst, a, b);
          } else {
            emit(SUB_EB, dst, widen(a), b);
          }
        }
        // An extension operand read as base means its first coordinate (the offset itself).
        case CpuQuotientKernel.MUL_EB -> emit(MUL_EB, dst, ext[a] ? a : widen(a), b);
        case CpuQuotientKernel.MUL_EE -> {
          if (ext[a] && ext[b]) {
            emit(MUL_EE, dst, a, b);
          } else if (ext[a]) {
            emit(MUL_EB, dst, a, b); // b's coordinates 1..3 are zero
          } else if (ext[b]) {
            emit(MUL_EB, dst, b, a);
          } else {
            emit(MUL_EB, dst, widen(a), b);
          }
        }
        case CpuQuotientKernel.NEG_E -> emit(NEG_E, dst, ext[a] ? a : widen(a), 0);
        default -> throw new IllegalArgumentException("opcode " + op + " of register " + dst + " reads no trace cell");
      }
    }

    private int widen(int base) {
      int temp = kinds.size();
      kinds.add(true);
      emit(WIDEN, temp, base, 0);
      return temp;
    }

    private void emit(int op, int d, int a, int b) {
      code.add(new int[] {op, d, a, b});
    }

    /**
     * Inserts each constraint's accumulation after the instruction that defines its value (at the
     * start for a value that reads no trace cell). Field sums are exact, so the order of the terms
     * does not change the result.
     */
    void accumulate(int[] outputs, int[] when, boolean[] ext) {
      List<List<int[]>> after = new ArrayList<>();
      for (int i = 0; i <= code.size(); i++) {
        after.add(new ArrayList<>());
      }
      for (int c = 0; c < outputs.length; c++) {
        int reg = outputs[c];
        after.get(definedAt[reg]).add(new int[] {ext[reg] ? ACC_E : ACC_B, when[c], reg, c});
      }
      List<int[]> merged = new ArrayList<>();
      for (int i = 0; i <= code.size(); i++) {
        merged.addAll(after.get(i));
        if (i < code.size()) {
          merged.add(code.get(i));
        }
      }
      code.clear();
      code.addAll(merged);
    }

    /** Which operands of an instruction are registers: bit 0 a, bit 1 b. */
    private static int reads(int op) {
      return switch (op) {
        case GATHER_PRE, GATHER_MAIN, GATHER_AUX -> 0;
        case NEG_B, NEG_E, WIDEN, ACC_B, ACC_E -> 1;
        default -> 3;
      };
    }

    private static boolean writes(int op) {
      return op != ACC_B && op != ACC_E;
    }

    /**
     * Assigns file offsets: uniform registers that are read get a slot of their own (filled in the
     * template), the others take a free slot of their kind at their definition and give it back
     * after their last read. A destination never shares a slot with its own operands.
     */
    QuotientPlan allocate(boolean[] uniform, int[] values) {
      int vregs = kinds.size();
      int[] lastRead = new int[vregs];
      Arrays.fill(lastRead, -1);
      for (int i = 0; i < code.size(); i++) {
        int[] ins = code.get(i);
        int reads = reads(ins[0]);
        if ((reads & 1) != 0) {
          lastRead[ins[2]] = i;
        }
        if ((reads & 2) != 0) {
          lastRead[ins[3]] = i;
        }
      }
      Slots base = new Slots();
      Slots extension = new Slots();
      int[] slot = new int[vregs];
      Arrays.fill(slot, -1);
      boolean[] permanent = new boolean[vregs];
      for (int reg = 0; reg < uniform.length; reg++) {
        if (uniform[reg] && lastRead[reg] >= 0) {
          permanent[reg] = true;
          slot[reg] = (kinds.get(reg) ? extension : base).take();
        }
      }
      int[] lane = new int[4 * code.size()];
      List<int[]> frees = new ArrayList<>();
      for (int i = 0; i < code.size(); i++) {
        int[] ins = code.get(i);
        System.arraycopy(ins, 0, lane, 4 * i, 4);
        int reads = reads(ins[0]);
        frees.clear();
        if ((reads & 1) != 0 && lastRead[ins[2]] == i && !permanent[ins[2]]) {
          frees.add(new int[] {ins[2]});
        }
        if ((reads & 2) != 0 && lastRead[ins[3]] == i && !permanent[ins[3]] && ins[3] != ins[2]) {
          frees.add(new int[] {ins[3]});
        }
        if (writes(ins[0])) {
          slot[ins[1]] = (kinds.get(ins[1]) ? extension : base).take();
          if (lastRead[ins[1]] < i) {
            frees.add(new int[] {ins[1]}); // never read
          }
        }
        for (int[] f : frees) {
          (kinds.get(f[0]) ? extension : base).give(slot[f[0]]);
        }
      }
      int[] first = new int[vregs];
      for (int reg = 0; reg < vregs; reg++) {
        first[reg] = kinds.get(reg) ? base.count + 4 * slot[reg] : slot[reg];
      }
      for (int i = 0; i < code.size(); i++) {
        int op = lane[4 * i];
        int reads = reads(op);
        if (writes(op)) {
          lane[4 * i + 1] = first[lane[4 * i + 1]];
        }
        if ((reads & 1) != 0) {
          lane[4 * i + 2] = first[lane[4 * i + 2]];
        }
        if ((reads & 2) != 0) {
          lane[4 * i + 3] = first[lane[4 * i + 3]];
        }
      }
      int[] slotValues = new int[base.count + 4 * extension.count];
      for (int reg = 0; reg < uniform.length; reg++) {
        if (permanent[reg]) {
          for (int k = 0; k < (kinds.get(reg) ? 4 : 1); k++) {
            slotValues[first[reg] + k] = values[4 * reg + k];
          }
        }
      }
      return new QuotientPlan(lane, slotValues);
    }
  }

  /** Slots of one size: the most recently freed one is reused first (it is still in cache). */
  private static final class Slots {
    final Deque<Integer> free = new ArrayDeque<>();
    int count;

    int take() {
      return free.isEmpty() ? count++ : free.pop();
    }

    void give(int s) {
      free.push(s);
    }
  }
}

package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The CPU evaluation of a {@link QuotientTask}: an interpreter of the compiled constraint
 * program, one point at a time, registers reused across points, work split over the common
 * fork-join pool. Base-field registers only compute their first coordinate; what reads no trace
 * cell is evaluated once ({@link QuotientPlan}).
 */
public final class CpuQuotientKernel {

  private static final int P = BabyBear.P;
  private static final int GRAIN = 1 << 11;
  /** Points evaluated together; GRAIN is a multiple. */
  static final int LANES = 32;

  // Opcodes of io.l2prover.zkvm.stark.air.ConstraintProgram (kept in sync by ConstraintProgramTest).
  static final int CONST = 0;
  static final int PRE = 1;
  static final int MAIN = 2;
  static final int AUX = 3;
  static final int PUB = 4;
  static final int CHAL = 5;
  static final int AUX_PUB = 6;
  static final int ADD_B = 7;
  static final int ADD_E = 8;
  static final int SUB_B = 9;
  static final int SUB_E = 10;
  static final int MUL_BB = 11;
  static final int MUL_EB = 12;
  static final int MUL_EE = 13;
  static final int NEG_B = 14;
  static final int NEG_E = 15;

  private CpuQuotientKernel() {}

  public static int[] evaluate(QuotientTask t) {
    QuotientPlan plan = QuotientPlan.of(t, LANES);
    int size = 1 << t.logQuotientSize();
    int[] out = new int[4 * size];
    int chunks = (size + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int[] regs = plan.laneTemplate();
      int[] rows = new int[LANES];
      int[] next = new int[LANES];
      int[] acc = new int[20 * LANES]; // 4 sums by row selector of 4 coordinates, then scratch
      for (int j = c * GRAIN, end = Math.min(size, (c + 1) * GRAIN); j < end; j += LANES) {
        int n = Math.min(LANES, end - j);
        evaluateBlock(t, plan, j, n, rows, next, regs, acc, out);
      }
    });
    return out;
  }

  /**
   * Evaluates the points j0 .. j0+n-1 together, one instruction at a time over all of them, so the
   * dispatch of an instruction is paid once per block rather than once per point. Register
   * {@code reg} holds lane i of coordinate k at {@code r[at(reg) + k * LANES + i]}.
   */
  private static void evaluateBlock(QuotientTask t, QuotientPlan plan, int j0, int n, int[] rows, int[] next, int[] r,
      int[] acc, int[] out) {
    int logLde = t.logRows() + t.logBlowup();
    int mask = (1 << logLde) - 1;
    for (int i = 0; i < n; i++) {
      rows[i] = j0 + i;
      next[i] = BitReversal.reverse((BitReversal.reverse(j0 + i, logLde) + (1 << t.logBlowup())) & mask, logLde);
    }
    int[] code = plan.pointCode();
    for (int pc = 0; pc < code.length; pc += 4) {
      int d = at(code[pc + 1]);
      int a = code[pc + 2];
      int b = code[pc + 3];
      switch (code[pc]) {
        case PRE -> gather(t.preprocessed(), t.preprocessedWidth(), a, b == 0 ? rows : next, n, r, d);
        case MAIN -> gather(t.main(), t.mainWidth(), a, b == 0 ? rows : next, n, r, d);
        case AUX -> {
          for (int k = 0; k < 4; k++) {
            gather(t.aux(), t.auxWidth(), 4 * a + k, b == 0 ? rows : next, n, r, d + k * LANES);
          }
        }
        case ADD_B -> addLanes(r, at(a), at(b), d, n);
        case ADD_E -> {
          for (int k = 0; k < 4; k++) {
            addLanes(r, at(a) + k * LANES, at(b) + k * LANES, d + k * LANES, n);
          }
        }
        case SUB_B -> subLanes(r, at(a), at(b), d, n);
        case SUB_E -> {
          for (int k = 0; k < 4; k++) {
            subLanes(r, at(a) + k * LANES, at(b) + k * LANES, d + k * LANES, n);
          }
        }
        case MUL_BB -> mulLanes(r, at(a), at(b), d, n);
        case MUL_EB -> {
          for (int k = 0; k < 4; k++) {
            mulLanes(r, at(a) + k * LANES, at(b), d + k * LANES, n);
          }
        }
        case MUL_EE -> mulExtLanes(r, at(a), at(b), d, n);
        case NEG_B -> negLanes(r, at(a), d, n);
        case NEG_E -> {
          for (int k = 0; k < 4; k++) {
            negLanes(r, at(a) + k * LANES, d + k * LANES, n);
          }
        }
        default -> throw new IllegalArgumentException("opcode " + code[pc] + " at " + pc / 4 + " reads no trace cell");
      }
    }
    combine(t, plan, j0, n, r, acc, out);
  }

  /**
   * The α-weighted sum of the constraints by row selector, times 1/Z_H: acc holds 4 sums (When
   * ordinals EVERY_ROW, TRANSITION, FIRST_ROW, LAST_ROW) of 4 coordinates of LANES lanes each.
   */
  private static void combine(QuotientTask t, QuotientPlan plan, int j0, int n, int[] r, int[] acc, int[] out) {
    Arrays.fill(acc, 0, 16 * LANES, 0);
    int[] outputs = t.outputs();
    int[] when = t.when();
    int[] alpha = t.alphaPowers();
    boolean[] extOutput = plan.extOutput();
    for (int c = 0; c < outputs.length; c++) {
      int w = 4 * when[c] * LANES;
      int o = at(outputs[c]);
      if (extOutput[c]) {
        int scratch = 16 * LANES;
        for (int i = 0; i < n; i++) {
          Ext4.mulInto(alpha, 4 * c, 1, r, o + i, LANES, acc, scratch + i, LANES);
        }
        for (int k = 0; k < 4; k++) {
          addLanes(acc, w + k * LANES, scratch + k * LANES, w + k * LANES, n);
        }
      } else {
        for (int k = 0; k < 4; k++) {
          int ak = alpha[4 * c + k];
          int at = w + k * LANES;
          for (int i = 0; i < n; i++) {
            acc[at + i] = add(acc[at + i], mul(ak, r[o + i]));
          }
        }
      }
    }
    int[] transition = t.transition();
    int[] first = t.firstRow();
    int[] last = t.lastRow();
    int[] inverseVanishing = t.inverseVanishing();
    for (int i = 0; i < n; i++) {
      int j = j0 + i;
      for (int k = 0; k < 4; k++) {
        int at = k * LANES + i;
        long v = (long) acc[at] + (long) mul(acc[4 * LANES + at], transition[j])
            + (long) mul(acc[8 * LANES + at], first[j]) + (long) mul(acc[12 * LANES + at], last[j]);
        out[4 * j + k] = mul((int) (v % P), inverseVanishing[j]);
      }
    }
  }

  /** Where register {@code reg}'s lanes start: 4 coordinates of LANES lanes each, base registers too. */
  private static int at(int reg) {
    return 4 * LANES * reg;
  }

  private static void gather(int[] matrix, int width, int column, int[] rows, int n, int[] r, int d) {
    for (int i = 0; i < n; i++) {
      r[d + i] = matrix[rows[i] * width + column];
    }
  }

  private static void addLanes(int[] r, int x, int y, int d, int n) {
    for (int i = 0; i < n; i++) {
      r[d + i] = add(r[x + i], r[y + i]);
    }
  }

  private static void subLanes(int[] r, int x, int y, int d, int n) {
    for (int i = 0; i < n; i++) {
      r[d + i] = sub(r[x + i], r[y + i]);
    }
  }

  private static void negLanes(int[] r, int x, int d, int n) {
    for (int i = 0; i < n; i++) {
      r[d + i] = sub(0, r[x + i]);
    }
  }

  private static void mulLanes(int[] r, int x, int y, int d, int n) {
    for (int i = 0; i < n; i++) {
      r[d + i] = mul(r[x + i], r[y + i]);
    }
  }

  /** Extension products lane by lane. */
  private static void mulExtLanes(int[] r, int x, int y, int d, int n) {
    for (int i = 0; i < n; i++) {
      Ext4.mulInto(r, x + i, LANES, r, y + i, LANES, r, d + i, LANES);
    }
  }

  /** Runs {@code code} at LDE row {@code j} (whose next row is {@code next}) into registers {@code r}. */
  static void run(QuotientTask t, int[] code, int j, int next, int[] r) {
    for (int pc = 0; pc < code.length; pc += 4) {
      int dst = 4 * code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      switch (code[pc]) {
        case CONST -> r[dst] = a;
        case PRE -> r[dst] = t.preprocessed()[(b == 0 ? j : next) * t.preprocessedWidth() + a];
        case MAIN -> r[dst] = t.main()[(b == 0 ? j : next) * t.mainWidth() + a];
        case AUX -> {
          int[] aux = t.aux();
          int at = (b == 0 ? j : next) * t.auxWidth() + 4 * a;
          r[dst] = aux[at];
          r[dst + 1] = aux[at + 1];
          r[dst + 2] = aux[at + 2];
          r[dst + 3] = aux[at + 3];
        }
        case PUB -> r[dst] = t.publicValues()[a];
        case CHAL -> System.arraycopy(t.challenges(), 4 * a, r, dst, 4);
        case AUX_PUB -> System.arraycopy(t.auxPublics(), 4 * a, r, dst, 4);
        case ADD_B -> r[dst] = add(r[4 * a], r[4 * b]);
        case ADD_E -> {
          for (int k = 0; k < 4; k++) {
            r[dst + k] = add(r[4 * a + k], r[4 * b + k]);
          }
        }
        case SUB_B -> r[dst] = sub(r[4 * a], r[4 * b]);
        case SUB_E -> {
          for (int k = 0; k < 4; k++) {
            r[dst + k] = sub(r[4 * a + k], r[4 * b + k]);
          }
        }
        case MUL_BB -> r[dst] = mul(r[4 * a], r[4 * b]);
        case MUL_EB -> {
          int s = r[4 * b];
          for (int k = 0; k < 4; k++) {
            r[dst + k] = mul(r[4 * a + k], s);
          }
        }
        case MUL_EE -> Ext4.mulInto(r, 4 * a, r, 4 * b, r, dst);
        case NEG_B -> r[dst] = sub(0, r[4 * a]);
        case NEG_E -> {
          for (int k = 0; k < 4; k++) {
            r[dst + k] = sub(0, r[4 * a + k]);
          }
        }
        default -> throw new IllegalArgumentException("unknown opcode " + code[pc] + " at " + pc / 4);
      }
    }
  }

  private static int add(int a, int b) {
    return BabyBear.add(a, b);
  }

  private static int sub(int a, int b) {
    return BabyBear.sub(a, b);
  }

  private static int mul(int a, int b) {
    return (int) ((long) a * b % P);
  }
}

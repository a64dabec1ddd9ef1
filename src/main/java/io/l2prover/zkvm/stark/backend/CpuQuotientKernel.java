package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.field.Montgomery;
import io.l2prover.zkvm.field.MontgomeryLanes;
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
    int[] alphaPrepared = t.alphaPowers().clone();
    for (int i = 0; i < alphaPrepared.length; i++) {
      alphaPrepared[i] = Montgomery.toMontgomery(alphaPrepared[i]);
    }
    int size = 1 << t.logQuotientSize();
    int[] out = new int[4 * size];
    int chunks = (size + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      Block block = new Block(plan.laneTemplate());
      for (int j = c * GRAIN, end = Math.min(size, (c + 1) * GRAIN); j < end; j += LANES) {
        int n = Math.min(LANES, end - j);
        evaluateBlock(t, plan, alphaPrepared, j, n, block, out);
      }
    });
    return out;
  }

  /**
   * One thread's working arrays: register reg's coordinate k in {@code r[4 reg + k]} (LANES
   * lanes), the 4 sums by row selector of 4 coordinates in {@code acc[4 selector + k]}, and
   * scratch. Every register coordinate is an array of its own so that the lane loops, which read
   * and write different registers, vectorise (C2 does not vectorise a loop over one array at two
   * offsets it cannot tell apart).
   */
  private static final class Block {
    final int[][] r;
    final int[] rows = new int[LANES];
    final int[] next = new int[LANES];
    final int[][] acc = new int[16][LANES];
    final int[][] ext = new int[4][LANES];
    final int[] term = new int[LANES];
    final int[] high = new int[LANES];
    final int[] x = new int[4];
    final int[] y = new int[4];

    Block(int[] template) {
      r = new int[template.length / LANES][];
      for (int v = 0; v < r.length; v++) {
        r[v] = Arrays.copyOfRange(template, v * LANES, (v + 1) * LANES);
      }
    }
  }

  /**
   * Evaluates the points j0 .. j0+n-1 together, one instruction at a time over all of them, so the
   * dispatch of an instruction is paid once per block rather than once per point. Register
   * {@code reg} holds lane i of coordinate k at {@code b.r[4 reg + k][i]}.
   */
  private static void evaluateBlock(QuotientTask t, QuotientPlan plan, int[] alphaPrepared, int j0, int n, Block blk,
      int[] out) {
    int logLde = t.logRows() + t.logBlowup();
    int mask = (1 << logLde) - 1;
    int[] rows = blk.rows;
    int[] next = blk.next;
    int[][] r = blk.r;
    for (int i = 0; i < n; i++) {
      rows[i] = j0 + i;
      next[i] = BitReversal.reverse((BitReversal.reverse(j0 + i, logLde) + (1 << t.logBlowup())) & mask, logLde);
    }
    int[] code = plan.pointCode();
    for (int pc = 0; pc < code.length; pc += 4) {
      int d = 4 * code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      switch (code[pc]) {
        case PRE -> gather(t.preprocessed(), t.preprocessedWidth(), a, b == 0 ? rows : next, n, r[d]);
        case MAIN -> gather(t.main(), t.mainWidth(), a, b == 0 ? rows : next, n, r[d]);
        case AUX -> {
          for (int k = 0; k < 4; k++) {
            gather(t.aux(), t.auxWidth(), 4 * a + k, b == 0 ? rows : next, n, r[d + k]);
          }
        }
        case ADD_B -> addLanes(r[4 * a], r[4 * b], r[d], n);
        case ADD_E -> {
          for (int k = 0; k < 4; k++) {
            addLanes(r[4 * a + k], r[4 * b + k], r[d + k], n);
          }
        }
        case SUB_B -> subLanes(r[4 * a], r[4 * b], r[d], n);
        case SUB_E -> {
          for (int k = 0; k < 4; k++) {
            subLanes(r[4 * a + k], r[4 * b + k], r[d + k], n);
          }
        }
        case MUL_BB -> MontgomeryLanes.product(r[4 * a], r[4 * b], r[d], n, blk.high);
        case MUL_EB -> {
          for (int k = 0; k < 4; k++) {
            MontgomeryLanes.product(r[4 * a + k], r[4 * b], r[d + k], n, blk.high);
          }
        }
        case MUL_EE -> mulExtLanes(r, 4 * a, 4 * b, d, n, blk);
        case NEG_B -> negLanes(r[4 * a], r[d], n);
        case NEG_E -> {
          for (int k = 0; k < 4; k++) {
            negLanes(r[4 * a + k], r[d + k], n);
          }
        }
        default -> throw new IllegalArgumentException("opcode " + code[pc] + " at " + pc / 4 + " reads no trace cell");
      }
    }
    combine(t, plan, alphaPrepared, j0, n, blk, out);
  }

  /**
   * The α-weighted sum of the constraints by row selector, times 1/Z_H: acc holds 4 sums (When
   * ordinals EVERY_ROW, TRANSITION, FIRST_ROW, LAST_ROW) of 4 coordinates of LANES lanes each.
   */
  private static void combine(QuotientTask t, QuotientPlan plan, int[] alphaPrepared, int j0, int n, Block blk,
      int[] out) {
    int[][] acc = blk.acc;
    int[][] r = blk.r;
    for (int[] sum : acc) {
      Arrays.fill(sum, 0, n, 0);
    }
    int[] outputs = t.outputs();
    int[] when = t.when();
    int[] alpha = t.alphaPowers();
    boolean[] extOutput = plan.extOutput();
    for (int c = 0; c < outputs.length; c++) {
      int w = 4 * when[c];
      int o = 4 * outputs[c];
      if (extOutput[c]) {
        int[][] scratch = blk.ext;
        for (int i = 0; i < n; i++) {
          mulExt(alpha, 4 * c, r, o, i, scratch, blk);
        }
        for (int k = 0; k < 4; k++) {
          addLanes(acc[w + k], scratch[k], acc[w + k], n);
        }
      } else {
        int[] term = blk.term;
        for (int k = 0; k < 4; k++) {
          System.arraycopy(r[o], 0, term, 0, n);
          MontgomeryLanes.timesPrepared(term, alphaPrepared[4 * c + k], n, blk.high);
          addLanes(acc[w + k], term, acc[w + k], n);
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
        long v = (long) acc[k][i] + (long) mul(acc[4 + k][i], transition[j])
            + (long) mul(acc[8 + k][i], first[j]) + (long) mul(acc[12 + k][i], last[j]);
        out[4 * j + k] = mul((int) (v % P), inverseVanishing[j]);
      }
    }
  }

  private static void gather(int[] matrix, int width, int column, int[] rows, int n, int[] d) {
    for (int i = 0; i < n; i++) {
      d[i] = matrix[rows[i] * width + column];
    }
  }

  /** Lane loops over separate arrays (d may be x or y): canonical in, canonical out, branch-free so that they vectorise. */
  private static void addLanes(int[] x, int[] y, int[] d, int n) {
    for (int i = 0; i < n; i++) {
      int s = x[i] + y[i] - P;
      d[i] = s + ((s >> 31) & P);
    }
  }

  private static void subLanes(int[] x, int[] y, int[] d, int n) {
    for (int i = 0; i < n; i++) {
      int s = x[i] - y[i];
      d[i] = s + ((s >> 31) & P);
    }
  }

  private static void negLanes(int[] x, int[] d, int n) {
    for (int i = 0; i < n; i++) {
      int s = -x[i];
      d[i] = s + ((s >> 31) & P);
    }
  }

  /** Extension products lane by lane (registers x, y, d: first coordinate's index; d may be x or y). */
  private static void mulExtLanes(int[][] r, int x, int y, int d, int n, Block blk) {
    int[] a = blk.x;
    int[] b = blk.y;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 4; k++) {
        a[k] = r[x + k][i];
        b[k] = r[y + k][i];
      }
      Ext4.mulInto(a, 0, b, 0, a, 0);
      for (int k = 0; k < 4; k++) {
        r[d + k][i] = a[k];
      }
    }
  }

  /** scratch[k][i] <- coordinate k of alpha[ao..+4) times register reg (first coordinate's index) at lane i. */
  private static void mulExt(int[] alpha, int ao, int[][] r, int reg, int i, int[][] scratch, Block blk) {
    int[] a = blk.x;
    for (int k = 0; k < 4; k++) {
      a[k] = r[reg + k][i];
    }
    Ext4.mulInto(alpha, ao, a, 0, a, 0);
    for (int k = 0; k < 4; k++) {
      scratch[k][i] = a[k];
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

package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The CPU evaluation of a {@link QuotientTask}: an interpreter of the constraint program as
 * lowered by {@link QuotientPlan} (what reads no trace cell evaluated once, a compact register
 * file), over blocks of points, registers reused across blocks, work split over the common
 * fork-join pool.
 */
public final class CpuQuotientKernel {

  private static final int P = BabyBear.P;
  private static final int GRAIN = 1 << 11;
  /** Points evaluated together; GRAIN is a multiple. */
  static final int LANES = 128;
  private static final double PD = P;
  private static final double INV_P = 1.0 / P;
  private static final double HALF_INV_P_LESS_HALF = 0.5 / P - 0.5;
  private static final double ROUNDING = 0x1.8p52;
  private static final double W = Ext4.W;
  private static final int SCRATCH = 16;
  /** Unreduced sums of canonical values stay below 2^50, where {@link #reduce} is exact. */
  private static final int MAX_CONSTRAINTS = 1 << 19;

  // Opcodes of io.l2prover.zkvm.stark.air.ConstraintProgram (kept in sync by CpuQuotientKernelTest).
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
    if (t.outputs().length > MAX_CONSTRAINTS) {
      throw new IllegalArgumentException(t.outputs().length + " constraints: the CPU quotient kernel sums at most "
          + MAX_CONSTRAINTS + " exactly in double precision");
    }
    QuotientPlan plan = QuotientPlan.of(t);
    int size = 1 << t.logQuotientSize();
    int[] out = new int[4 * size];
    int chunks = (size + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int[] values = plan.slotValues();
      double[][] file = new double[values.length][LANES];
      for (int s = 0; s < values.length; s++) {
        Arrays.fill(file[s], values[s]);
      }
      int[] rows = new int[LANES];
      int[] next = new int[LANES];
      double[][] acc = new double[SCRATCH + 8][LANES]; // 4 sums by row selector of 4 coordinates, scratch
      for (int j = c * GRAIN, end = Math.min(size, (c + 1) * GRAIN); j < end; j += LANES) {
        int n = Math.min(LANES, end - j);
        evaluateBlock(t, plan.laneCode(), j, n, rows, next, file, acc, out);
      }
    });
    return out;
  }

  /**
   * Evaluates the points j0 .. j0+n-1 together, one lane instruction ({@link QuotientPlan}) at a
   * time over all of them, so the dispatch of an instruction is paid once per block rather than
   * once per point, and the lane loops run in SIMD. Lanes n and above hold stale values that are
   * never read out.
   */
  private static void evaluateBlock(QuotientTask t, int[] code, int j0, int n, int[] rows, int[] next, double[][] r,
      double[][] acc, int[] out) {
    int logLde = t.logRows() + t.logBlowup();
    int mask = (1 << logLde) - 1;
    for (int i = 0; i < n; i++) {
      rows[i] = j0 + i;
      next[i] = BitReversal.reverse((BitReversal.reverse(j0 + i, logLde) + (1 << t.logBlowup())) & mask, logLde);
    }
    for (int k = 0; k < SCRATCH; k++) {
      Arrays.fill(acc[k], 0);
    }
    int[] alpha = t.alphaPowers();
    for (int pc = 0; pc < code.length; pc += 4) {
      int d = code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      switch (code[pc]) {
        case QuotientPlan.GATHER_PRE -> gather(t.preprocessed(), t.preprocessedWidth(), a, b == 0 ? rows : next, n, r[d]);
        case QuotientPlan.GATHER_MAIN -> gather(t.main(), t.mainWidth(), a, b == 0 ? rows : next, n, r[d]);
        case QuotientPlan.GATHER_AUX -> {
          for (int k = 0; k < 4; k++) {
            gather(t.aux(), t.auxWidth(), 4 * a + k, b == 0 ? rows : next, n, r[d + k]);
          }
        }
        case QuotientPlan.ADD_BB -> addLanes(r[a], r[b], r[d], n);
        case QuotientPlan.SUB_BB -> subLanes(r[a], r[b], r[d], n);
        case QuotientPlan.MUL_BB -> mulLanes(r[a], r[b], r[d], n);
        case QuotientPlan.NEG_B -> negLanes(r[a], r[d], n);
        case QuotientPlan.ADD_EE -> {
          for (int k = 0; k < 4; k++) {
            addLanes(r[a + k], r[b + k], r[d + k], n);
          }
        }
        case QuotientPlan.ADD_EB -> {
          addLanes(r[a], r[b], r[d], n);
          copyCoordinates(r, a, d);
        }
        case QuotientPlan.SUB_EE -> {
          for (int k = 0; k < 4; k++) {
            subLanes(r[a + k], r[b + k], r[d + k], n);
          }
        }
        case QuotientPlan.SUB_EB -> {
          subLanes(r[a], r[b], r[d], n);
          copyCoordinates(r, a, d);
        }
        case QuotientPlan.SUB_BE -> {
          subLanes(r[a], r[b], r[d], n);
          for (int k = 1; k < 4; k++) {
            negLanes(r[b + k], r[d + k], n);
          }
        }
        case QuotientPlan.MUL_EB -> {
          for (int k = 0; k < 4; k++) {
            mulLanes(r[a + k], r[b], r[d + k], n);
          }
        }
        case QuotientPlan.MUL_EE -> mulExtLanes(r, a, r, b, r, d, n);
        case QuotientPlan.NEG_E -> {
          for (int k = 0; k < 4; k++) {
            negLanes(r[a + k], r[d + k], n);
          }
        }
        case QuotientPlan.WIDEN -> {
          System.arraycopy(r[a], 0, r[d], 0, LANES);
          for (int k = 1; k < 4; k++) {
            Arrays.fill(r[d + k], 0);
          }
        }
        case QuotientPlan.ACC_B -> {
          for (int k = 0; k < 4; k++) {
            mulAddLanes(acc[4 * d + k], alpha[4 * b + k], r[a], n);
          }
        }
        case QuotientPlan.ACC_E -> mulExtAddLanes(alpha, 4 * b, r, a, acc, 4 * d, n);
        default -> throw new IllegalStateException("lane opcode " + code[pc] + " at " + pc / 4);
      }
    }
    finish(t, j0, n, acc, out);
  }

  /**
   * The selector-weighted sum of the 4 α-weighted sums (When ordinals EVERY_ROW, TRANSITION,
   * FIRST_ROW, LAST_ROW; 4 coordinates each), times 1/Z_H.
   */
  private static void finish(QuotientTask t, int j0, int n, double[][] acc, int[] out) {
    int[] transition = t.transition();
    int[] first = t.firstRow();
    int[] last = t.lastRow();
    int[] inverseVanishing = t.inverseVanishing();
    for (int i = 0; i < n; i++) {
      int j = j0 + i;
      for (int k = 0; k < 4; k++) {
        long v = canonical(acc[k][i]) + (long) mul(canonical(acc[4 + k][i]), transition[j])
            + (long) mul(canonical(acc[8 + k][i]), first[j]) + (long) mul(canonical(acc[12 + k][i]), last[j]);
        out[4 * j + k] = mul((int) (v % P), inverseVanishing[j]);
      }
    }
  }

  private static int canonical(double sum) {
    return (int) reduce(sum);
  }

  private static void gather(int[] matrix, int width, int column, int[] rows, int n, double[] d) {
    for (int i = 0; i < n; i++) {
      d[i] = matrix[rows[i] * width + column];
    }
  }

  /** Coordinates 1..3 of the extension register at slot a into the one at slot d. */
  private static void copyCoordinates(double[][] r, int a, int d) {
    for (int k = 1; k < 4; k++) {
      System.arraycopy(r[a + k], 0, r[d + k], 0, LANES);
    }
  }

  private static void addLanes(double[] x, double[] y, double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = reduce(x[i] + y[i]);
    }
  }

  private static void subLanes(double[] x, double[] y, double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = reduce(x[i] - y[i]);
    }
  }

  private static void negLanes(double[] x, double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = reduce(-x[i]);
    }
  }

  private static void mulLanes(double[] x, double[] y, double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = mulMod(x[i], y[i]);
    }
  }

  /** sum[i] += s * x[i] mod p, the sum left unreduced (exact below 2^53: 2^22 canonical terms). */
  private static void mulAddLanes(double[] sum, int s, double[] x, int n) {
    double k = s;
    for (int i = 0; i < n; i++) {
      sum[i] += mulMod(k, x[i]);
    }
  }

  /**
   * Extension products lane by lane, x at slots a .. a+3 of xs times y at slots b .. b+3 of ys
   * into slots d .. d+3 of dst (none of the operands'): coordinate k is the sum of x_i y_j over
   * i + j = k plus W times the sum over i + j = k + 4. One product per loop: the JIT does not
   * vectorise a loop with two (it pairs them up instead of the iterations).
   */
  private static void mulExtLanes(double[][] xs, int a, double[][] ys, int b, double[][] dst, int d, int n) {
    for (int k = 0; k < 4; k++) {
      double[] out = dst[d + k];
      setProductLanes(xs[a], ys[b + k], out, n);
      for (int i = 1; i <= k; i++) {
        addProductLanes(xs[a + i], ys[b + k - i], out, 1, n);
      }
      for (int i = k + 1; i < 4; i++) {
        addProductLanes(xs[a + i], ys[b + k + 4 - i], out, W, n);
      }
      reduceLanes(out, n);
    }
  }

  /**
   * acc[at .. at+3] += α · x lane by lane, α = alpha[c .. c+3] spread over scratch slots, the
   * product in the others, the sums left unreduced.
   */
  private static void mulExtAddLanes(int[] alpha, int c, double[][] r, int a, double[][] acc, int at, int n) {
    for (int k = 0; k < 4; k++) {
      Arrays.fill(acc[SCRATCH + 4 + k], 0, n, alpha[c + k]);
    }
    mulExtLanes(r, a, acc, SCRATCH + 4, acc, SCRATCH, n);
    for (int k = 0; k < 4; k++) {
      double[] sum = acc[at + k];
      double[] product = acc[SCRATCH + k];
      for (int i = 0; i < n; i++) {
        sum[i] += product[i];
      }
    }
  }

  /** d = x y, reduced only to (-p - 2^10, p + 2^10). */
  private static void setProductLanes(double[] x, double[] y, double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = mulWide(x[i], y[i]);
    }
  }

  /** d += w x y, the product reduced only to (-p - 2^10, p + 2^10). */
  private static void addProductLanes(double[] x, double[] y, double[] d, double w, int n) {
    for (int i = 0; i < n; i++) {
      d[i] += w * mulWide(x[i], y[i]);
    }
  }

  private static void reduceLanes(double[] d, int n) {
    for (int i = 0; i < n; i++) {
      d[i] = reduce(d[i]);
    }
  }

  /**
   * The canonical residue of an integer-valued double s, |s| < 2^50. The quotient is floor((s +
   * 1/2) / p), which is rint((s + 1/2) / p - 1/2): (s + 1/2) / p is at least 1/(2p) from every
   * integer, far more than the rounding errors, so it is exact, and so is s - q p (an integer
   * below 2^53).
   */
  private static double reduce(double s) {
    return Math.fma(-rint(Math.fma(s, INV_P, HALF_INV_P_LESS_HALF)), PD, s);
  }

  /**
   * x y mod p for canonical x, y: hi + lo = x y exactly (lo by a fused multiply-add), hi - q p
   * exact for q = rint(hi / p) give or take one (an integer of at most 32 bits), then reduced.
   * Double arithmetic because the JIT turns these loops into SIMD code, which it does not do for
   * a 64-bit remainder.
   */
  private static double mulMod(double x, double y) {
    return reduce(mulWide(x, y));
  }

  /** x y - q p for some q, in (-p - 2^10, p + 2^10): {@link #mulMod} before its final reduction. */
  private static double mulWide(double x, double y) {
    double hi = x * y;
    double lo = Math.fma(x, y, -hi);
    return Math.fma(-rint(hi * INV_P), PD, hi) + lo;
  }

  /**
   * v rounded to the nearest integer, |v| < 2^51: adding 1.5 * 2^52 leaves no fraction bits. Not
   * Math.rint or Math.floor, which are library calls until the JIT's last tier compiles them.
   */
  private static double rint(double v) {
    return (v + ROUNDING) - ROUNDING;
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

  /** BabyBear.add without a branch: a + b - p fits an int, and p is added back when negative. */
  private static int add(int a, int b) {
    int s = a + b - P;
    return s + ((s >> 31) & P);
  }

  private static int sub(int a, int b) {
    int d = a - b;
    return d + ((d >> 31) & P);
  }

  private static int mul(int a, int b) {
    return (int) ((long) a * b % P);
  }
}

package io.l2prover.zkvm.stark.backend;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The CPU evaluation of a {@link QuotientTask}: an interpreter of the compiled constraint
 * program, one point at a time, registers reused across points, work split over the common
 * fork-join pool. Base-field registers only compute their first coordinate.
 */
public final class CpuQuotientKernel {

  private static final int P = BabyBear.P;
  private static final int GRAIN = 1 << 11;

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
    int size = 1 << t.logQuotientSize();
    int[] out = new int[4 * size];
    int chunks = (size + GRAIN - 1) / GRAIN;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int[] regs = new int[4 * t.registers()];
      int[] acc = new int[20]; // 4 sums by row selector, then one product
      for (int j = c * GRAIN, end = Math.min(size, (c + 1) * GRAIN); j < end; j++) {
        evaluatePoint(t, j, regs, acc, out);
      }
    });
    return out;
  }

  private static void evaluatePoint(QuotientTask t, int j, int[] r, int[] acc, int[] out) {
    int logLde = t.logRows() + t.logBlowup();
    int next = BitReversal.reverse((BitReversal.reverse(j, logLde) + (1 << t.logBlowup())) & ((1 << logLde) - 1), logLde);
    int[] code = t.code();
    for (int pc = 0; pc < code.length; pc += 4) {
      int dst = 4 * code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      switch (code[pc]) {
        case CONST -> r[dst] = a;
        case PRE -> r[dst] = t.preprocessed()[(b == 0 ? j : next) * t.preprocessedWidth() + a];
        case MAIN -> r[dst] = t.main()[(b == 0 ? j : next) * t.mainWidth() + a];
        case AUX -> System.arraycopy(t.aux(), (b == 0 ? j : next) * t.auxWidth() + 4 * a, r, dst, 4);
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
    // acc[4w .. 4w+4): the α-weighted sum of the constraints selected by When ordinal w.
    Arrays.fill(acc, 0, 16, 0);
    int[] outputs = t.outputs();
    for (int i = 0; i < outputs.length; i++) {
      Ext4.mulInto(t.alphaPowers(), 4 * i, r, 4 * outputs[i], acc, 16);
      int w = 4 * t.when()[i];
      for (int k = 0; k < 4; k++) {
        acc[w + k] = add(acc[w + k], acc[16 + k]);
      }
    }
    // When ordinals: EVERY_ROW, TRANSITION, FIRST_ROW, LAST_ROW.
    int trans = t.transition()[j];
    int first = t.firstRow()[j];
    int last = t.lastRow()[j];
    int zInv = t.inverseVanishing()[j];
    for (int k = 0; k < 4; k++) {
      long v = (long) acc[k] + (long) mul(acc[4 + k], trans) + (long) mul(acc[8 + k], first) + (long) mul(acc[12 + k], last);
      out[4 * j + k] = mul((int) (v % P), zInv);
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

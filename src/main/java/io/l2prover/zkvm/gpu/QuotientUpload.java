package io.l2prover.zkvm.gpu;

import io.l2prover.zkvm.stark.backend.QuotientTask;

/**
 * How a {@link QuotientTask} goes to the device: its small arrays packed into one buffer (code,
 * outputs, when, publics, challenges, aux publics, α powers, in that order, offsets in words),
 * its three LDEs into another, and a check that the program only names what the task holds,
 * since the kernel cannot report a bad opcode or index.
 */
record QuotientUpload(int[] program, int codeOffset, int outputsOffset, int whenOffset, int publicsOffset,
    int challengesOffset, int auxPublicsOffset, int alphaOffset, long mainOffset, long auxOffset, long traceWords) {

  /** Register files kept on the device at once, at most (bytes). */
  private static final long REGISTER_BUDGET = 1L << 30;
  private static final int LAST_OPCODE = 15;

  static QuotientUpload of(QuotientTask t) {
    int[][] parts = {t.code(), t.outputs(), t.when(), t.publicValues(), t.challenges(), t.auxPublics(),
        t.alphaPowers()};
    int total = 0;
    int[] offsets = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      offsets[i] = total;
      total += parts[i].length;
    }
    int[] program = new int[Math.max(1, total)];
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, program, offsets[i], parts[i].length);
    }
    long main = t.preprocessed().length;
    long aux = main + t.main().length;
    return new QuotientUpload(program, offsets[0], offsets[1], offsets[2], offsets[3], offsets[4], offsets[5],
        offsets[6], main, aux, Math.max(1, aux + t.aux().length));
  }

  /** Threads for {@code points} points: a multiple of 256, their register files within the budget. */
  static int threads(int points, int registers) {
    long perThread = 16L * Math.max(1, registers);
    long byBudget = Math.max(256, REGISTER_BUDGET / perThread);
    long wanted = Math.min(points, byBudget);
    return (int) Math.max(256, (wanted + 255) / 256 * 256);
  }

  /** Rejects what CpuQuotientKernel would fail on, and what would read outside the task's arrays. */
  static void check(QuotientTask t) {
    int[] code = t.code();
    int registers = t.registers();
    if (code.length % 4 != 0) {
      throw new IllegalArgumentException("constraint program of " + code.length + " ints is not whole instructions");
    }
    int lde = 1 << (t.logRows() + t.logBlowup());
    requireLength("preprocessed LDE", t.preprocessed(), (long) t.preprocessedWidth() * lde);
    requireLength("main LDE", t.main(), (long) t.mainWidth() * lde);
    requireLength("aux LDE", t.aux(), (long) t.auxWidth() * lde);
    int points = 1 << t.logQuotientSize();
    if (t.logQuotientSize() > t.logRows() + t.logBlowup()) {
      throw new IllegalArgumentException("quotient domain 2^" + t.logQuotientSize() + " exceeds the LDE 2^"
          + (t.logRows() + t.logBlowup()));
    }
    for (int[] selector : new int[][] {t.firstRow(), t.lastRow(), t.transition(), t.inverseVanishing()}) {
      requireLength("selector", selector, points);
    }
    for (int pc = 0; pc < code.length; pc += 4) {
      int op = code[pc];
      int dst = code[pc + 1];
      int a = code[pc + 2];
      int b = code[pc + 3];
      if (op < 0 || op > LAST_OPCODE) {
        throw new IllegalArgumentException("unknown opcode " + op + " at " + pc / 4);
      }
      if (dst < 0 || dst >= registers) {
        throw new IllegalArgumentException("instruction " + pc / 4 + " writes register " + dst + " of " + registers);
      }
      boolean ok = switch (op) {
        case 0 -> true; // CONST
        case 1 -> a >= 0 && a < t.preprocessedWidth() && (b == 0 || b == 1);
        case 2 -> a >= 0 && a < t.mainWidth() && (b == 0 || b == 1);
        case 3 -> a >= 0 && 4L * a + 4 <= t.auxWidth() && (b == 0 || b == 1);
        case 4 -> a >= 0 && a < t.publicValues().length;
        case 5 -> a >= 0 && 4L * a + 4 <= t.challenges().length;
        case 6 -> a >= 0 && 4L * a + 4 <= t.auxPublics().length;
        case 14, 15 -> a >= 0 && a < dst;
        default -> a >= 0 && a < dst && b >= 0 && b < dst; // operands computed before
      };
      if (!ok) {
        throw new IllegalArgumentException("instruction " + pc / 4 + " (opcode " + op + ") has an operand out of range");
      }
    }
    if (t.outputs().length != t.when().length || 4L * t.outputs().length > t.alphaPowers().length) {
      throw new IllegalArgumentException(t.outputs().length + " outputs, " + t.when().length + " selectors and "
          + t.alphaPowers().length / 4 + " alpha powers do not match");
    }
    for (int i = 0; i < t.outputs().length; i++) {
      if (t.outputs()[i] < 0 || t.outputs()[i] >= registers || t.when()[i] < 0 || t.when()[i] > 3) {
        throw new IllegalArgumentException("constraint " + i + " names register " + t.outputs()[i]
            + " or selector " + t.when()[i] + " out of range");
      }
    }
  }

  private static void requireLength(String what, int[] array, long words) {
    if (array.length < words) {
      throw new IllegalArgumentException(what + " has " + array.length + " ints, needs " + words);
    }
  }
}

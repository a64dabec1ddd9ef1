package io.l2prover.zkvm.exec;

/**
 * A program's code as the machine runs it: every word of the executable range predecoded, and
 * the regions translated so far. Shared by all executions of a {@link Program}, possibly on
 * several threads: the arrays below are only ever filled in, a region is stateless, and a
 * region translated twice by a race is merely wasted work.
 */
final class ProgramCode {

  private static final long MAX_CODE_BYTES = 256L << 20;

  /** Per slot (4 bytes of code): the decoded instruction, imm in the high half (see Decoder). */
  final long[] code;
  /** Per slot: the instruction word as in the ELF. */
  final int[] raw;
  /** Address of slot 0. */
  final int base;
  /** Per slot: straight-line instructions from there through the next jump, branch or ecall (at most 64). */
  final byte[] runLength;
  /** Per slot: the translated region entered there, NO_REGION if it cannot be translated, or null if not yet. */
  final CompiledRegion[] regions;
  /** Per slot: how often execution arrived there without a region (approximate under concurrency). */
  final int[] arrivals;
  final Translator translator;

  static final CompiledRegion NO_REGION = new CompiledRegion() {
    @Override
    long run(int[] x, Memory memory, int[][] readCache, int[][] writeCache, int pc, int budget) {
      return 0;
    }
  };

  ProgramCode(Program program) {
    long start = Long.MAX_VALUE;
    long end = 0;
    for (LoadSegment s : program.segments()) {
      if (s.executable()) {
        start = Math.min(start, Integer.toUnsignedLong(s.address()) & ~3L);
        end = Math.max(end, (s.end() + 3) & ~3L);
      }
    }
    if (end - start > MAX_CODE_BYTES) {
      throw new InvalidElfException(String.format("invalid guest ELF: executable segments span %d MiB, more than %d MiB",
          (end - start) >> 20, MAX_CODE_BYTES >> 20));
    }
    base = (int) start;
    int slots = (int) ((end - start) >>> 2);
    code = new long[slots];
    raw = new int[slots];
    java.util.Arrays.fill(code, Op.NOT_EXECUTABLE);
    int[] decoded = new int[2];
    for (LoadSegment s : program.segments()) {
      if (!s.executable()) {
        continue;
      }
      byte[] data = s.data();
      // Whole pages are executable (permissions are per page), like in Memory.
      long firstPage = Integer.toUnsignedLong(s.address()) & ~(long) (Memory.PAGE_SIZE - 1);
      long lastPageEnd = (s.end() + Memory.PAGE_SIZE - 1) & ~(long) (Memory.PAGE_SIZE - 1);
      for (long a = Math.max(firstPage, start); a < Math.min(lastPageEnd, end); a += 4) {
        int slot = (int) ((a - start) >>> 2);
        long offset = a - Integer.toUnsignedLong(s.address());
        int word = 0;
        for (int b = 0; b < 4; b++) {
          long i = offset + b;
          if (i >= 0 && i < data.length) {
            word |= (data[(int) i] & 0xff) << (8 * b);
          }
        }
        raw[slot] = word;
        Decoder.decodeInto(decoded, 0, word, (int) a);
        code[slot] = (long) decoded[1] << 32 | Integer.toUnsignedLong(decoded[0]);
      }
    }
    runLength = new byte[slots];
    for (int i = slots - 1; i >= 0; i--) {
      int op = Decoder.op((int) code[i]);
      boolean ends = op == Op.JAL || op == Op.JALR || (op >= Op.BEQ && op <= Op.BGEU) || op == Op.ECALL;
      runLength[i] = (byte) (ends || i == slots - 1 ? 1 : Math.min(Translator.MAX_BLOCK, runLength[i + 1] + 1));
    }
    regions = new CompiledRegion[slots];
    arrivals = new int[slots];
    translator = new Translator(code, base);
  }
}

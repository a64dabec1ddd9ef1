package io.l2prover.zkvm.exec;

/**
 * A region of guest code translated to JVM bytecode by {@link Translator}: basic blocks joined
 * by direct jumps, guest registers in JVM locals, so HotSpot compiles guest loops into host loops.
 *
 * <p>The static helpers are called from the generated code; they are tiny, so HotSpot inlines them.
 */
abstract class CompiledRegion {

  /**
   * Runs guest code from {@code pc} until control leaves the region or the next block would not
   * fit in {@code budget} cycles.
   *
   * @return the cycles retired in the high 32 bits and the next pc in the low 32 bits; zero
   *     cycles when not even the first block fits (the caller then interprets)
   * @throws RegionFault when a guest instruction faults
   */
  abstract long run(int[] x, Memory memory, int[][] readCache, int[][] writeCache, int pc, int budget);

  /** A fault inside translated code, with the pc of the faulting instruction and the cycles retired before it. */
  static final class RegionFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pc;
    final int retiredBefore;

    RegionFault(String message, int pc, int retiredBefore) {
      super(message, null, false, false);
      this.pc = pc;
      this.retiredBefore = retiredBefore;
    }
  }

  static RegionFault fault(MemoryFault cause, int pc, int retiredBefore) {
    return new RegionFault(cause.getMessage(), pc, retiredBefore);
  }

  static MemoryFault misalignedLoad(int address, int width) {
    return MemoryFault.misaligned("load", address, width);
  }

  static MemoryFault misalignedStore(int address, int width) {
    return MemoryFault.misaligned("store", address, width);
  }

  static MemoryFault misalignedJump(int target) {
    return MemoryFault.misalignedJump(target);
  }

  // Page lookups go through these shared helpers, not a null check at every load and store:
  // HotSpot keeps one branch profile per helper, so once any access misses the cache (every
  // segment start does), all inlined copies compile the miss path instead of a trap that
  // would deoptimise the region again at each new site.
  static int[] readPage(int[][] cache, Memory memory, int a) {
    int[] page = cache[a >>> 12];
    return page != null ? page : memory.pageForRead(a);
  }

  static int[] writePage(int[][] cache, Memory memory, int a) {
    int[] page = cache[a >>> 12];
    return page != null ? page : memory.pageForWrite(a);
  }

  // Whole loads and stores as helpers: a few bytes of bytecode per guest access instead of
  // dozens, so regions can hold more code below HotSpot's 8000-byte compilation limit.

  static int lw(int[][] cache, Memory memory, int a) {
    if ((a & 3) != 0) {
      throw misalignedLoad(a, 4);
    }
    return readPage(cache, memory, a)[(a >>> 2) & 1023];
  }

  static int lh(int[][] cache, Memory memory, int a) {
    if ((a & 1) != 0) {
      throw misalignedLoad(a, 2);
    }
    return (readPage(cache, memory, a)[(a >>> 2) & 1023] << ((2 - (a & 2)) << 3)) >> 16;
  }

  static int lhu(int[][] cache, Memory memory, int a) {
    if ((a & 1) != 0) {
      throw misalignedLoad(a, 2);
    }
    return (readPage(cache, memory, a)[(a >>> 2) & 1023] >>> ((a & 2) << 3)) & 0xffff;
  }

  static int lb(int[][] cache, Memory memory, int a) {
    return (readPage(cache, memory, a)[(a >>> 2) & 1023] << ((3 - (a & 3)) << 3)) >> 24;
  }

  static int lbu(int[][] cache, Memory memory, int a) {
    return (readPage(cache, memory, a)[(a >>> 2) & 1023] >>> ((a & 3) << 3)) & 0xff;
  }

  static void sw(int[][] cache, Memory memory, int a, int value) {
    if ((a & 3) != 0) {
      throw misalignedStore(a, 4);
    }
    writePage(cache, memory, a)[(a >>> 2) & 1023] = value;
  }

  static void sh(int[][] cache, Memory memory, int a, int value) {
    if ((a & 1) != 0) {
      throw misalignedStore(a, 2);
    }
    int[] page = writePage(cache, memory, a);
    int i = (a >>> 2) & 1023;
    int shift = (a & 2) << 3;
    page[i] = (page[i] & ~(0xffff << shift)) | ((value & 0xffff) << shift);
  }

  static void sb(int[][] cache, Memory memory, int a, int value) {
    int[] page = writePage(cache, memory, a);
    int i = (a >>> 2) & 1023;
    int shift = (a & 3) << 3;
    page[i] = (page[i] & ~(0xff << shift)) | ((value & 0xff) << shift);
  }

  static int slt(int a, int b) {
    return a < b ? 1 : 0;
  }

  static int sltu(int a, int b) {
    return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  static int mulh(int a, int b) {
    return (int) (((long) a * b) >> 32);
  }

  static int mulhsu(int a, int b) {
    return (int) (((long) a * Integer.toUnsignedLong(b)) >> 32);
  }

  static int mulhu(int a, int b) {
    return (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32);
  }

  static int div(int a, int b) {
    return b == 0 ? -1 : a / b; // MIN_VALUE / -1 is MIN_VALUE in Java as in RISC-V
  }

  static int divu(int a, int b) {
    return b == 0 ? -1 : Integer.divideUnsigned(a, b);
  }

  static int rem(int a, int b) {
    return b == 0 ? a : a % b;
  }

  static int remu(int a, int b) {
    return b == 0 ? a : Integer.remainderUnsigned(a, b);
  }
}

package io.l2prover.zkvm.exec;

/**
 * A region of guest code translated to JVM bytecode by {@link Translator}: basic blocks joined
 * by direct jumps, guest registers in JVM locals, so HotSpot compiles guest loops into host loops.
 *
 * <p>The static helpers are called from the generated code; they are tiny, so HotSpot inlines them.
 * What loads, stores and arithmetic compute comes from {@link Semantics}.
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
    return Semantics.lh(readPage(cache, memory, a)[(a >>> 2) & 1023], a);
  }

  static int lhu(int[][] cache, Memory memory, int a) {
    if ((a & 1) != 0) {
      throw misalignedLoad(a, 2);
    }
    return Semantics.lhu(readPage(cache, memory, a)[(a >>> 2) & 1023], a);
  }

  static int lb(int[][] cache, Memory memory, int a) {
    return Semantics.lb(readPage(cache, memory, a)[(a >>> 2) & 1023], a);
  }

  static int lbu(int[][] cache, Memory memory, int a) {
    return Semantics.lbu(readPage(cache, memory, a)[(a >>> 2) & 1023], a);
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
    page[i] = Semantics.sh(page[i], a, value);
  }

  static void sb(int[][] cache, Memory memory, int a, int value) {
    int[] page = writePage(cache, memory, a);
    int i = (a >>> 2) & 1023;
    page[i] = Semantics.sb(page[i], a, value);
  }
}

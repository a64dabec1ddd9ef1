package io.l2prover.zkvm.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sparse paged 32-bit memory with per-page permissions, little-endian, stored as 4 KiB pages of
 * 1024 words and allocated on first touch.
 *
 * <p>The machine reads through two page caches ({@link #readCache}, {@link #writeCache}) whose
 * entries are null until a page is first read or written in the current segment. The miss path
 * checks permissions and records the page as touched, so tracking the pages a segment touches
 * costs nothing per access: {@link #beginSegment()} just empties the caches again.
 */
final class Memory {

  static final int PAGE_BITS = 12;
  static final int PAGE_SIZE = 1 << PAGE_BITS;
  static final int PAGE_WORDS = PAGE_SIZE / 4;
  static final int PAGE_COUNT = 1 << (32 - PAGE_BITS);

  static final int READ = 4;
  static final int WRITE = 2;
  static final int EXECUTE = 1;

  private final int[][] pages = new int[PAGE_COUNT][];
  private final byte[] permissions = new byte[PAGE_COUNT];
  /** Pages readable in this segment so far: a hit needs no further checks. */
  final int[][] readCache = new int[PAGE_COUNT][];
  /** Pages writable and written in this segment so far. */
  final int[][] writeCache = new int[PAGE_COUNT][];

  private final boolean capturePages;
  private final int maxPages;
  private int allocatedPages;
  private final boolean[] touched = new boolean[PAGE_COUNT];
  private int[] touchedList = new int[64];
  private int touchedCount;
  private final List<PageImage> captured = new ArrayList<>();
  /** Where system-call accesses ({@link #readBytes}, {@link #writeBytes}) are reported while tracing; null otherwise. */
  private List<WordAccess> accessLog;

  /** With {@code maxPages} the most pages the guest may bring into existence, so a runaway guest cannot exhaust the host. */
  Memory(boolean capturePages, int maxPages) {
    this.capturePages = capturePages;
    this.maxPages = maxPages;
  }

  /** Gives pages covering [start, start + size) the permissions {@code perm} (READ|WRITE|EXECUTE bits). */
  void map(int start, long size, int perm) {
    if (size <= 0) {
      return;
    }
    long first = Integer.toUnsignedLong(start) >>> PAGE_BITS;
    long last = (Integer.toUnsignedLong(start) + size - 1) >>> PAGE_BITS;
    for (long page = first; page <= last; page++) {
      permissions[(int) page] = (byte) perm;
    }
  }

  /** Copies bytes into memory regardless of permissions (the loader's way in). */
  void load(int address, byte[] data, int offset, int length) {
    for (int i = 0; i < length; i++) {
      int a = address + i;
      int[] page = backing(a >>> PAGE_BITS);
      int shift = (a & 3) << 3;
      int w = (a >>> 2) & (PAGE_WORDS - 1);
      page[w] = (page[w] & ~(0xff << shift)) | ((data[offset + i] & 0xff) << shift);
    }
  }

  /** The word at an aligned address without permission checks or touch tracking (0 if never written). */
  int peekWord(int address) {
    int[] page = pages[address >>> PAGE_BITS];
    return page == null ? 0 : page[(address >>> 2) & (PAGE_WORDS - 1)];
  }

  /** Bytes without permission checks or touch tracking. */
  byte[] peekBytes(int address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int a = address + i;
      out[i] = (byte) (peekWord(a & ~3) >>> ((a & 3) << 3));
    }
    return out;
  }

  /** Cache miss on a read: check, record the touch, fill the cache. */
  int[] pageForRead(int address) {
    int number = address >>> PAGE_BITS;
    int perm = permissions[number];
    if (perm == 0) {
      throw MemoryFault.unmapped("read from", address);
    }
    if ((perm & READ) == 0) {
      throw MemoryFault.forbidden("read from", address, "readable");
    }
    touch(number);
    return readCache[number] = backing(number);
  }

  /** Cache miss on a write: check, record the touch, fill both caches. */
  int[] pageForWrite(int address) {
    int number = address >>> PAGE_BITS;
    int perm = permissions[number];
    if (perm == 0) {
      throw MemoryFault.unmapped("write to", address);
    }
    if ((perm & WRITE) == 0) {
      throw MemoryFault.forbidden("write to", address, "writable");
    }
    touch(number);
    int[] page = backing(number);
    if ((perm & READ) != 0) {
      readCache[number] = page;
    }
    return writeCache[number] = page;
  }

  /**
   * From now on reports each word that {@link #readBytes} and {@link #writeBytes} access to
   * {@code log} (null stops it): the tracer's view of a system call's memory.
   */
  void logSyscallAccesses(List<WordAccess> log) {
    this.accessLog = log;
  }

  /** Reads guest bytes for a system call, with the same checks as loads. */
  byte[] readBytes(int address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int a = address + i;
      int[] page = readCache[a >>> PAGE_BITS];
      if (page == null) {
        page = pageForRead(a);
      }
      out[i] = (byte) (page[(a >>> 2) & (PAGE_WORDS - 1)] >>> ((a & 3) << 3));
    }
    if (accessLog != null) {
      for (int k = 0, words = wordsCovered(address, length); k < words; k++) {
        int word = peekWord((address & ~3) + 4 * k);
        accessLog.add(new WordAccess((address & ~3) + 4 * k, word, word, false));
      }
    }
    return out;
  }

  /** Aligned words that [address, address + length) overlaps. */
  private static int wordsCovered(int address, int length) {
    return length == 0 ? 0 : (int) (((address & 3) + (long) length + 3) >>> 2);
  }

  /** Writes guest bytes for a system call, with the same checks as stores. */
  void writeBytes(int address, byte[] data, int offset, int length) {
    int[] before = null;
    if (accessLog != null) {
      before = new int[wordsCovered(address, length)];
      for (int k = 0; k < before.length; k++) {
        before[k] = peekWord((address & ~3) + 4 * k);
      }
    }
    writeBytesUnlogged(address, data, offset, length);
    if (before != null) {
      for (int k = 0; k < before.length; k++) {
        int word = (address & ~3) + 4 * k;
        accessLog.add(new WordAccess(word, before[k], peekWord(word), true));
      }
    }
  }

  private void writeBytesUnlogged(int address, byte[] data, int offset, int length) {
    for (int i = 0; i < length; i++) {
      int a = address + i;
      int[] page = writeCache[a >>> PAGE_BITS];
      if (page == null) {
        page = pageForWrite(a);
      }
      int shift = (a & 3) << 3;
      int w = (a >>> 2) & (PAGE_WORDS - 1);
      page[w] = (page[w] & ~(0xff << shift)) | ((data[offset + i] & 0xff) << shift);
    }
  }

  /**
   * Ends the current segment: returns the pages it touched (ascending) and, when capturing, their
   * contents as they were when the segment first touched them; then starts tracking afresh.
   */
  SegmentPages beginSegment() {
    int[] numbers = Arrays.copyOf(touchedList, touchedCount);
    for (int number : numbers) {
      touched[number] = false;
      readCache[number] = null;
      writeCache[number] = null;
    }
    touchedCount = 0;
    captured.sort(java.util.Comparator.comparingInt(PageImage::pageNumber));
    List<PageImage> images = List.copyOf(captured);
    captured.clear();
    Arrays.sort(numbers);
    return new SegmentPages(numbers, images);
  }

  /** Puts a captured page back as it was (for replaying a segment); no permission check, no touch. */
  void restore(PageImage image) {
    System.arraycopy(image.words(), 0, backing(image.pageNumber()), 0, PAGE_WORDS);
  }

  /** Touched page numbers and captured start images of one segment. */
  record SegmentPages(int[] touched, List<PageImage> images) {}

  private void touch(int number) {
    if (touched[number]) {
      return;
    }
    touched[number] = true;
    if (touchedCount == touchedList.length) {
      touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
    }
    touchedList[touchedCount++] = number;
    if (capturePages) {
      int[] page = pages[number];
      captured.add(new PageImage(number, page == null ? new int[PAGE_WORDS] : page.clone()));
    }
  }

  private int[] backing(int number) {
    int[] page = pages[number];
    if (page == null) {
      if (allocatedPages == maxPages) {
        throw new MemoryFault(String.format("the guest uses more than %d MiB of memory (the executor's limit)",
            (long) maxPages * PAGE_SIZE >> 20));
      }
      allocatedPages++;
      page = new int[PAGE_WORDS];
      pages[number] = page;
    }
    return page;
  }
}

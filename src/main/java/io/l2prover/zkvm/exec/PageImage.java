package io.l2prover.zkvm.exec;

/** The 1024 little-endian words of one 4 KiB page, as a segment found it when it first touched it. */
public record PageImage(int pageNumber, int[] words) {

  /** The page's first byte address. */
  public int address() {
    return pageNumber << Memory.PAGE_BITS;
  }
}

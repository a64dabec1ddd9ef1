package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A 32-bit value held as four byte columns, least significant first: BabyBear is smaller than
 * 2^32, so a word never lives in one cell. Whoever writes a word into a register or memory
 * range-checks its bytes; whoever reads one may rely on them.
 */
public record Word(String name, List<Col> bytes) {

  public Word {
    bytes = List.copyOf(bytes);
    if (bytes.size() != 4) {
      throw new IllegalArgumentException("a word has 4 bytes, not " + bytes.size());
    }
  }

  /** Byte {@code i} (0 = least significant) on the current row. */
  public Expr b(int i) {
    return bytes.get(i).cur();
  }

  /** The four byte expressions, least significant first. */
  public List<Expr> exprs() {
    List<Expr> out = new ArrayList<>(4);
    for (Col c : bytes) {
      out.add(c.cur());
    }
    return out;
  }

  /** The four byte expressions on the next row. */
  public List<Expr> nextExprs() {
    List<Expr> out = new ArrayList<>(4);
    for (Col c : bytes) {
      out.add(c.next());
    }
    return out;
  }

  /** Bytes 0 and 1 as one 16-bit value. */
  public Expr lo16() {
    return b(0).plus(b(1).times(256));
  }

  /** Bytes 2 and 3 as one 16-bit value. */
  public Expr hi16() {
    return b(2).plus(b(3).times(256));
  }
}

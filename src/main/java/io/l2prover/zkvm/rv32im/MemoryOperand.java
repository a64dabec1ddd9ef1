package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A precompile operand in guest memory: {@code words} words from the byte address a call
 * register holds. The pointer is proven 4-byte aligned (byte 0 = 4q, q a byte) and below
 * 0xE0000000 at both ends (RANGE on the top byte of the first byte address and, through an ALU
 * ADD, of the last word's), so a misaligned or out-of-range operand has no valid row, as it is a
 * fault in the executor; each word is then one {@link Access} at the call's timestamp (none for an
 * operand the chip only names, a hint's input).
 */
final class MemoryOperand {

  private final String name;
  private final int words;
  private final Col quarter;
  private final Word end;
  private final List<Access> accesses = new ArrayList<>();

  MemoryOperand(Layout layout, String name, int words, boolean accessed) {
    this.name = name;
    this.words = words;
    this.quarter = layout.col(name + "_byte0_div4");
    this.end = layout.word(name + "_end");
    if (accessed) {
      for (int w = 0; w < words; w++) {
        accesses.add(new Access(layout, name + w));
      }
    }
  }

  /** The pointer's checks on the rows {@code gate} selects; returns the operand's first word address. */
  Expr pointer(Chip chip, Expr gate, Word register) {
    chip.require(name + " is word aligned", gate.times(register.b(0).minus(quarter.cur().times(4))));
    chip.send(name + " starts below 0xE0000000", Bus.BYTE, gate,
        Chip.tuple(ByteOp.RANGE.id(), quarter.cur(), register.b(3).plus(32), 0));
    chip.send(name + "'s last word", Bus.ALU, gate,
        Chip.tuple(AluOp.ADD.id(), register.exprs(), 4 * (words - 1), 0, 0, 0, end.exprs()));
    chip.send(name + " ends below 0xE0000000", Bus.BYTE, gate, Chip.tuple(ByteOp.RANGE.id(), end.b(3).plus(32), 0, 0));
    return quarter.cur().plus(register.b(1).times(1 << 6)).plus(register.b(2).times(1 << 14))
        .plus(register.b(3).times(1 << 22));
  }

  /** Reads the operand, word w being {@code value.word(w)} of the values given, at {@code ts}. */
  void read(Chip chip, Expr gate, Expr address, List<List<Expr>> value, Expr ts) {
    write(chip, gate, address, value, value, ts);
  }

  /** Replaces {@code old} by {@code value}, word by word, at {@code ts}. */
  void write(Chip chip, Expr gate, Expr address, List<List<Expr>> old, List<List<Expr>> value, Expr ts) {
    for (int w = 0; w < words; w++) {
      accesses.get(w).write(chip, name + " word " + w, gate, address.plus(w), old.get(w), value.get(w), ts);
    }
  }

  /** Fills the pointer's columns and, for an accessed operand, each word's previous access time. */
  void fill(TraceTable t, int row, int pointer, long ts, long[] prevTs) {
    t.set(quarter, row, (pointer & 0xff) >>> 2);
    t.set(end, row, pointer + 4 * (words - 1));
    for (int w = 0; w < accesses.size(); w++) {
      accesses.get(w).fill(t, row, ts, prevTs[w]);
    }
  }

  /** The ALU operation the pointer check asks for. */
  void request(int pointer, AluEvents requests) {
    requests.add(AluOp.ADD, pointer, 4 * (words - 1));
  }

  /** The words of consecutive 256-bit values as memory values: 8 words each. */
  static List<List<Expr>> words(Uint256... values) {
    List<List<Expr>> out = new ArrayList<>();
    for (Uint256 v : values) {
      for (int w = 0; w < Uint256.WORDS; w++) {
        out.add(v.word(w));
      }
    }
    return out;
  }
}

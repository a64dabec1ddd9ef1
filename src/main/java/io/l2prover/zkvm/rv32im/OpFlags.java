package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One boolean column {@code is_<op>} per operation of an ALU chip, at most one set per row: the
 * row's operation id and whether the row is real (padding rows have none set) are linear in them.
 */
final class OpFlags {

  /** A constraint the owning chip must state: flags are boolean and exclusive. */
  record Rule(String name, Expr expr) {}

  private final Map<AluOp, Col> flags = new EnumMap<>(AluOp.class);

  OpFlags(Layout layout, AluOp... ops) {
    for (AluOp op : ops) {
      flags.put(op, layout.col("is_" + op.name().toLowerCase(Locale.ROOT)));
    }
  }

  /** Each flag is 0 or 1 and no two are set on one row. */
  List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    List<Col> cols = List.copyOf(flags.values());
    Expr pairs = Expr.constant(0);
    for (int i = 0; i < cols.size(); i++) {
      Col c = cols.get(i);
      out.add(new Rule(c.name() + " is boolean", c.cur().times(c.cur().minus(1))));
      for (int j = i + 1; j < cols.size(); j++) {
        // Products of booleans: the sum (at most a few) is zero only when each is.
        pairs = pairs.plus(c.cur().times(cols.get(j).cur()));
      }
    }
    out.add(new Rule("one operation per row", pairs));
    return out;
  }

  /**
   * 1 on a row whose operation is one of {@code ops}, else 0. Summed in the chip's column order,
   * never the set's (a {@code Set.of} iterates differently in every JVM, and the constraint
   * digest, hence the image ID, must not).
   */
  Expr any(Set<AluOp> ops) {
    Expr sum = Expr.constant(0);
    for (Map.Entry<AluOp, Col> e : flags.entrySet()) {
      if (ops.contains(e.getKey())) {
        sum = sum.plus(e.getValue().cur());
      }
    }
    return sum;
  }

  /** 1 on a real row, 0 on padding. */
  Expr real() {
    return any(flags.keySet());
  }

  /** The {@link AluOp#id()} of the row's operation (0 on padding). */
  Expr opId() {
    return mapped(Map.of());
  }

  /** The id of the operation {@code to} maps the row's operation to (identity where absent). */
  Expr mapped(Map<AluOp, AluOp> to) {
    Expr sum = Expr.constant(0);
    for (Map.Entry<AluOp, Col> e : flags.entrySet()) {
      sum = sum.plus(e.getValue().cur().times(to.getOrDefault(e.getKey(), e.getKey()).id()));
    }
    return sum;
  }

  /** Byte by byte: {@code x} on rows of {@code first}, {@code y} on rows of {@code second} (degree 2). */
  List<Expr> select(Set<AluOp> first, List<Expr> x, Set<AluOp> second, List<Expr> y) {
    Expr onFirst = any(first);
    Expr onSecond = any(second);
    List<Expr> out = new ArrayList<>(x.size());
    for (int i = 0; i < x.size(); i++) {
      out.add(onFirst.times(x.get(i)).plus(onSecond.times(y.get(i))));
    }
    return out;
  }

  Set<AluOp> ops() {
    return java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags.keySet()));
  }

  /** Marks {@code row} as an {@code op} row. */
  void set(TraceTable t, int row, AluOp op) {
    Col c = flags.get(op);
    if (c == null) {
      throw new IllegalArgumentException(op + " is not one of " + flags.keySet());
    }
    t.set(c, row, true);
  }
}

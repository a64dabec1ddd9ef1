package io.l2prover.zkvm.rv32im;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ALU operations requested while building a segment's traces, grouped by operation. */
public final class AluEvents {

  private final Map<AluOp, List<AluEvent>> byOp = new EnumMap<>(AluOp.class);

  public void add(AluOp op, int a, int b) {
    byOp.computeIfAbsent(op, k -> new ArrayList<>()).add(new AluEvent(op, a, b));
  }

  /** The requests for any of {@code ops}, in the order of {@code ops} then of arrival. */
  public List<AluEvent> of(Set<AluOp> ops) {
    List<AluEvent> out = new ArrayList<>();
    for (AluOp op : AluOp.values()) {
      if (ops.contains(op)) {
        out.addAll(byOp.getOrDefault(op, List.of()));
      }
    }
    return out;
  }

  public int count(AluOp op) {
    return byOp.getOrDefault(op, List.of()).size();
  }
}

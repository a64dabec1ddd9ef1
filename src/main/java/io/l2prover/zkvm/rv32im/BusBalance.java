package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact, challenge-free form of the LogUp balance: counts every tuple put on or taken off
 * each bus over all tables and names the first one whose count is not zero. What a chip author
 * runs before proving, as {@code DebugChecker} is for constraints.
 */
public final class BusBalance {

  /** Tuples the verifier itself puts on (positive count) or takes off (negative) a bus. */
  public record PublicTerm(Bus bus, int count, int[] values) {}

  private record Key(int bus, List<Integer> values) {}

  private BusBalance() {}

  /** The first unbalanced tuple, or empty when every bus balances. */
  public static Optional<String> check(List<ChipTrace> tables, List<PublicTerm> publicTerms) {
    return check(tables, publicTerms, java.util.EnumSet.allOf(Bus.class));
  }

  /** As {@link #check(List, List)}, for the given buses only. */
  public static Optional<String> check(List<ChipTrace> tables, List<PublicTerm> publicTerms, java.util.Set<Bus> buses) {
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    buses.forEach(b -> ids.add(b.id()));
    Map<Key, Integer> counts = new LinkedHashMap<>();
    Map<Key, String> firstSeen = new HashMap<>();
    for (ChipTrace t : tables) {
      RowValues values = new RowValues(t);
      for (LogUp.Interaction it : t.chip().interactions()) {
        if (!ids.contains(it.bus())) {
          continue;
        }
        for (int r = 0; r < t.rows(); r++) {
          int m = values.eval(it.multiplicity(), r);
          if (m == 0) {
            continue;
          }
          List<Integer> tuple = new ArrayList<>(it.values().size());
          for (Expr e : it.values()) {
            tuple.add(values.eval(e, r));
          }
          Key key = new Key(it.bus(), tuple);
          counts.merge(key, m, BabyBear::add);
          firstSeen.putIfAbsent(key, it.name() + " at row " + r);
        }
      }
    }
    for (PublicTerm term : publicTerms) {
      if (!ids.contains(term.bus().id())) {
        continue;
      }
      Key key = new Key(term.bus().id(), Arrays.stream(term.values()).boxed().toList());
      counts.merge(key, BabyBear.fromLong(term.count()), BabyBear::add);
      firstSeen.putIfAbsent(key, "public term");
    }
    for (Map.Entry<Key, Integer> e : counts.entrySet()) {
      if (e.getValue() != 0) {
        int signed = e.getValue() > BabyBear.P / 2 ? e.getValue() - BabyBear.P : e.getValue();
        return Optional.of("bus " + busName(e.getKey().bus()) + " tuple " + e.getKey().values() + " is off by "
            + signed + " (first from " + firstSeen.get(e.getKey()) + ")");
      }
    }
    return Optional.empty();
  }

  private static String busName(int id) {
    for (Bus b : Bus.values()) {
      if (b.id() == id) {
        return b.name();
      }
    }
    return "#" + id;
  }

  /** Receives each tuple the {@code lookers} put on {@code bus}, with its multiplicity. */
  public interface LookupVisitor {
    void visit(int[] tuple, int multiplicity);
  }

  /**
   * Visits every tuple the given tables put on {@code bus} (positive multiplicity): how a table's
   * trace builder learns the multiplicities to write, from the same interaction definitions the
   * proof uses, so the two cannot disagree.
   */
  public static void forEachLookup(List<ChipTrace> lookers, Bus bus, LookupVisitor visitor) {
    for (ChipTrace t : lookers) {
      RowValues values = new RowValues(t);
      for (LogUp.Interaction it : t.chip().interactions()) {
        if (it.bus() != bus.id()) {
          continue;
        }
        int[] tuple = new int[it.values().size()];
        for (int r = 0; r < t.rows(); r++) {
          int m = values.eval(it.multiplicity(), r);
          if (m == 0 || m > BabyBear.P / 2) {
            continue;
          }
          for (int i = 0; i < tuple.length; i++) {
            tuple[i] = values.eval(it.values().get(i), r);
          }
          visitor.visit(tuple, m);
        }
      }
    }
  }
}

package io.l2prover.util;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs one independent step on each of several items (tables, segments) side by side on the
 * common fork-join pool, largest first, so that a small item's serial work fills the gaps of a
 * large one's; the first failure in list order is the one thrown, as a loop would throw it.
 */
public final class SideBySide {

  private SideBySide() {}

  /**
   * Applies {@code step} to every element of {@code items}: side by side when {@code parallel},
   * else one after another in order. {@code cost} orders the parallel run (largest first); each
   * step must touch only its own element's state.
   */
  public static <T> void forEach(List<T> items, boolean parallel, ToLongFunction<T> cost, Consumer<T> step) {
    if (!parallel || items.size() <= 1) {
      items.forEach(step);
      return;
    }
    Throwable[] failures = new Throwable[items.size()];
    int[] order = IntStream.range(0, items.size()).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> cost.applyAsLong(items.get(i))).reversed())
        .mapToInt(Integer::intValue).toArray();
    IntStream.range(0, order.length).parallel().forEach(k -> {
      try {
        step.accept(items.get(order[k]));
      } catch (RuntimeException | Error e) {
        failures[order[k]] = e;
      }
    });
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure != null) {
        throw (Error) failure;
      }
    }
  }
}

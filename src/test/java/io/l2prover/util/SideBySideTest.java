package io.l2prover.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SideBySideTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @Test
  void runsEveryItemOnceEitherWay() {
    for (boolean parallel : new boolean[] {true, false}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(ITEMS.size());
      SideBySide.forEach(ITEMS, parallel, i -> i % 7, runs::incrementAndGet);
      for (int i = 0; i < ITEMS.size(); i++) {
        assertThat(runs.get(i)).as("item %d, parallel %s", i, parallel).isEqualTo(1);
      }
    }
  }

  @Test
  void throwsTheFirstFailureInListOrderWhateverRanFirst() {
    // The cost puts the later failure first in the parallel order.
    for (boolean parallel : new boolean[] {true, false}) {
      assertThatThrownBy(() -> SideBySide.forEach(ITEMS, parallel, i -> i, i -> {
        if (i == 30 || i == 170) {
          throw new IllegalStateException("item " + i);
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("item 30");
    }
  }

  @Test
  void rangesCoverEveryIndexOnce() {
    for (int n : new int[] {0, 1, 4095, 4096, 4097, 100_000}) {
      AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(1, n));
      ParallelRanges.run(n, ParallelRanges.GRAIN, (from, to) -> {
        for (int i = from; i < to; i++) {
          hits.incrementAndGet(i);
        }
      });
      for (int i = 0; i < n; i++) {
        assertThat(hits.get(i)).as("n %d index %d", n, i).isEqualTo(1);
      }
    }
  }
}

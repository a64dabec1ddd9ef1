package io.l2prover.zkvm.stark.examples;

import java.util.List;
import java.util.Optional;

/** The example AIRs by name, for benchmarks and tools. */
public final class ExampleAirs {

  /** The tallest trace the tools accept (the LDE of 2^24 rows at blowup 4 is 2^26 rows). */
  public static final int MAX_LOG_ROWS = 24;

  private ExampleAirs() {}

  public static List<ExampleAir> all() {
    return List.of(new FibonacciAir(), new RangeCheckAir(), new MemoryAir());
  }

  public static List<String> names() {
    return all().stream().map(ExampleAir::name).toList();
  }

  public static Optional<ExampleAir> byName(String name) {
    return all().stream().filter(a -> a.name().equals(name)).findFirst();
  }
}

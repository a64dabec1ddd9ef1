package io.l2prover.chain.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ChainBenchmark} under JMH through surefire, which supplies the test classpath
 * ({@code make bench-chain}). Not a unit test: its name keeps it out of a plain {@code mvn test}.
 */
class ChainBenchmarkRun {

  @Test
  void run() throws RunnerException {
    new Runner(new OptionsBuilder()
        .include(ChainBenchmark.class.getName())
        .forks(1)
        .warmupIterations(2)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(3)
        .measurementTime(TimeValue.seconds(3))
        .build()).run();
  }
}

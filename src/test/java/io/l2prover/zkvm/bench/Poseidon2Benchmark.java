package io.l2prover.zkvm.bench;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Poseidon2 width-16 permutations per second on one thread: one at a time (chained: each output
 * is the next input) and {@link Poseidon2#permuteAll} over {@value #BATCH} independent states.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class Poseidon2Benchmark {

  private final Poseidon2 perm = Poseidon2.babyBear();
  private static final int BATCH = 1024;
  private final int[] state = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  private final int[] states = new java.util.Random(1).ints(16 * BATCH, 0, 2013265921).toArray();

  @Benchmark
  public int[] permutation() {
    perm.permute(state);
    return state;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int[] permuteAll() {
    perm.permuteAll(states, 0, BATCH);
    return states;
  }
}

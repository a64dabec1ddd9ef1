package io.l2prover.zkvm.bench;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.ntt.Ntt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NTT timings: one column of 2^20 on one thread, and a batch of 64 columns x 2^18 rows (one
 * thread and the whole machine). The transform runs in place on the same buffer each time;
 * its cost does not depend on the values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@State(Scope.Benchmark)
public class NttBenchmark {

  @Param({"20"})
  public int logSingle;

  private int[] single;
  private int[] batch;
  private final Ntt sequential = Ntt.sequential();
  private final Ntt parallel = Ntt.parallel();

  @Setup(Level.Trial)
  public void setup() {
    Random rnd = new Random(3);
    single = new int[1 << logSingle];
    for (int i = 0; i < single.length; i++) {
      single[i] = rnd.nextInt(BabyBear.P);
    }
    batch = new int[64 << 18];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = rnd.nextInt(BabyBear.P);
    }
  }

  @Benchmark
  public int[] forwardSingleColumnOneThread() {
    sequential.forwardToBitReversed(single, 1, single.length);
    return single;
  }

  @Benchmark
  public int[] forward64x2pow18OneThread() {
    sequential.forwardToBitReversed(batch, 64, 1 << 18);
    return batch;
  }

  @Benchmark
  public int[] forward64x2pow18AllThreads() {
    parallel.forwardToBitReversed(batch, 64, 1 << 18);
    return batch;
  }
}

package io.l2prover.zkvm.bench;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BabyBear multiplication: the representations we chose between, on the canonical-int API.
 * Each benchmark multiplies N pairs (throughput, independent products) or runs a chain of N
 * dependent products (latency); scores are products per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FieldMulBenchmark {

  private static final int N = 4096;
  private static final int P = BabyBear.P;
  /** floor(2^93 / p): Barrett quotient estimate for products below 2^62. */
  private static final long BARRETT_MU = (long) (new java.math.BigInteger("2").pow(93)
      .divide(java.math.BigInteger.valueOf(P)).longValueExact());
  /** p^-1 mod 2^32, for Montgomery reduction with R = 2^32. */
  private static final int P_INV = 0x88000001;
  /** R^2 mod p, to enter Montgomery form. */
  private static final int R2 = (int) (new java.math.BigInteger("2").pow(64)
      .mod(java.math.BigInteger.valueOf(P)).longValue());

  private final int[] a = new int[N];
  private final int[] b = new int[N];
  private final int[] bMont = new int[N];
  private final int[] out = new int[N];

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    for (int i = 0; i < N; i++) {
      a[i] = rnd.nextInt(P);
      b[i] = rnd.nextInt(P);
      bMont[i] = montReduce((long) b[i] * R2); // b * 2^32 mod p
    }
    for (int i = 0; i < 1000; i++) {
      int x = rnd.nextInt(P);
      int y = rnd.nextInt(P);
      int expect = (int) ((long) x * y % P);
      if (barrett(x, y) != expect || montReduce((long) x * montReduce((long) y * R2)) != expect
          || canonicalViaMontgomery(x, y) != expect || BabyBear.mul(x, y) != expect) {
        throw new AssertionError("candidate reduction disagrees for " + x + " * " + y);
      }
    }
  }

  static int remainder(int x, int y) {
    return (int) (((long) x * y) % P);
  }

  static int barrett(int x, int y) {
    long t = (long) x * y;
    long q = Math.multiplyHigh(t, BARRETT_MU) >>> 29;
    int r = (int) (t - q * P) - P;
    return r + ((r >> 31) & P);
  }

  /** t * 2^-32 mod p for t < p * 2^31, canonical. */
  static int montReduce(long t) {
    int m = (int) t * P_INV;
    int r = (int) ((t - (long) m * P) >> 32);
    return r + ((r >> 31) & P);
  }

  /** Canonical in and out: two reductions (one to pre-scale y). */
  static int canonicalViaMontgomery(int x, int y) {
    return montReduce((long) montReduce((long) x * y) * R2);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] remainderOperator() {
    for (int i = 0; i < N; i++) {
      out[i] = remainder(a[i], b[i]);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] barrettReduction() {
    for (int i = 0; i < N; i++) {
      out[i] = barrett(a[i], b[i]);
    }
    return out;
  }

  /** Canonical x times a constant pre-scaled by 2^32: one Montgomery reduction, canonical result. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] montgomeryByPrescaledConstant() {
    for (int i = 0; i < N; i++) {
      out[i] = montReduce((long) a[i] * bMont[i]);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] montgomeryCanonicalInOut() {
    for (int i = 0; i < N; i++) {
      out[i] = canonicalViaMontgomery(a[i], b[i]);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] babyBearMul() {
    for (int i = 0; i < N; i++) {
      out[i] = BabyBear.mul(a[i], b[i]);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int chainRemainder() {
    int x = a[0];
    for (int i = 0; i < N; i++) {
      x = remainder(x, b[i]);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int chainBarrett() {
    int x = a[0];
    for (int i = 0; i < N; i++) {
      x = barrett(x, b[i]);
    }
    return x;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int chainMontgomeryForm() {
    int x = a[0];
    for (int i = 0; i < N; i++) {
      x = montReduce((long) x * bMont[i]);
    }
    return x;
  }
}

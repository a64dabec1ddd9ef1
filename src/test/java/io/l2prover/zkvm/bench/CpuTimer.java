package io.l2prover.zkvm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times a single-threaded workload by the CPU time of the calling thread as well as by the wall
 * clock: on a machine shared with other busy processes the wall clock mostly measures the
 * scheduler, the thread's CPU time measures the code.
 */
final class CpuTimer {

  /** Median and minimum per operation, in nanoseconds. */
  record Result(double cpuMedian, double cpuMin, double wallMedian, double wallMin) {
    @Override
    public String toString() {
      return String.format("cpu median %.1f ns (min %.1f), wall median %.1f ns (min %.1f)",
          cpuMedian, cpuMin, wallMedian, wallMin);
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimer() {}

  /** CPU time of the whole process (all threads), for multi-threaded workloads. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Runs {@code body} (which performs {@code opsPerCall} operations) warm-up then measured times. */
  static Result measure(Runnable body, int opsPerCall, int warmupCalls, int measuredCalls) {
    for (int i = 0; i < warmupCalls; i++) {
      body.run();
    }
    double[] cpu = new double[measuredCalls];
    double[] wall = new double[measuredCalls];
    for (int i = 0; i < measuredCalls; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      body.run();
      wall[i] = (System.nanoTime() - w0) / (double) opsPerCall;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / (double) opsPerCall;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new Result(cpu[measuredCalls / 2], cpu[0], wall[measuredCalls / 2], wall[0]);
  }
}

package io.l2prover.zkvm.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Arrays;
import java.util.function.IntFunction;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;

/**
 * The kernels timed on data already on the device: a device-to-device copy (the bandwidth
 * ceiling), batched forward NTTs under several plans, the LDE, Poseidon2 permutations and leaf
 * hashing, a Merkle commitment and a FRI fold, each the median of several runs after a warm-up,
 * timed with CUDA events. The bench role ({@code bench gpu}) prints what it reports.
 */
public final class KernelBench {

  /** Where each measurement goes: a name and key/value pairs. */
  @FunctionalInterface
  public interface Report {
    void emit(String bench, Object... keyValues);
  }

  private static final int REPEATS = 5;

  private final CudaBackend gpu;
  private final Report report;
  private final IntFunction<int[]> randomElements;

  /** {@code randomElements} gives n random field elements (the FRI fold's challenge). */
  public KernelBench(CudaBackend gpu, Report report, IntFunction<int[]> randomElements) {
    this.gpu = gpu;
    this.report = report;
    this.randomElements = randomElements;
  }

  /** Runs every kernel benchmark on {@code data} (width &lt;&lt; maxLog elements); returns the copy bandwidth in GB/s. */
  public double run(int[] data, int maxLog, int width) {
    return gpu.onDevice(k -> deviceBenchmarks(k, data, maxLog, width));
  }

  private double deviceBenchmarks(CudaKernels k, int[] data, int maxLog, int width) {
    long words = (long) width << maxLog;
    CUdeviceptr a = alloc(words);
    CUdeviceptr b = alloc(words);
    try {
      cuMemcpyHtoD(a, Pointer.to(data), words * Sizeof.INT);
      long copyBytes = words * Sizeof.INT;
      double copyMs = median(k, () -> cuMemcpyDtoDAsync(b, a, copyBytes, k.stream()));
      double copyGbps = 2.0 * copyBytes / copyMs / 1e6;
      emit("d2d_copy", "bytes", copyBytes, "ms", copyMs, "gbps_read_plus_write", copyGbps);

      // The default plan at every size, then variants: {log2 tile words, log2 tile columns, threads}.
      for (int log = 20; log <= maxLog; log++) {
        nttForward(k, a, b, log, width, NttPlan.forWidth(width, k.maxSharedBytes()), copyGbps);
      }
      // 8 and 9 stages on 32 columns; 7 on 64 columns; 11 on 16 columns (2^20 in two passes).
      int[][] variants = {{13, 5, 256}, {14, 5, 256}, {13, 6, 256}, {15, 4, 512}};
      for (int log = 20; log <= maxLog; log++) {
        for (int[] v : variants) {
          NttPlan plan = new NttPlan(v[0] - v[1], v[1], v[2]);
          if (plan.sharedBytes(plan.maxStages()) > k.maxSharedBytes() || (1 << v[1]) > width) {
            continue;
          }
          try {
            nttForward(k, a, b, log, width, plan, copyGbps);
          } catch (CudaException e) { // e.g. too many registers for the block size
            emit("ntt_forward", "log_n", log, "max_stages", plan.maxStages(), "log_tile", plan.logTile(),
                "threads", plan.threads(), "error", e.getMessage());
          }
        }
      }

      int ldeLog = Math.min(20, maxLog - 2);
      double lde = median(k, () -> gpu.ldeOnDevice(k, a, b, width, ldeLog, 2, BabyBear.GENERATOR));
      emit("lde_device", "log_n", ldeLog, "log_blowup", 2, "width", width, "ms", lde);

      int states = 1 << Math.min(22, maxLog);
      double perm = median(k, () -> gpu.permuteOnDevice(k, b, states));
      emit("poseidon2_permute", "states", states, "ms", perm, "permutations_per_s", states / perm * 1e3);

      int logRows = Math.min(22, maxLog);
      int rows = 1 << logRows;
      int permsPerRow = (width + 7) / 8;
      double leaves = median(k, () -> gpu.hashRowsOnDevice(k, a, rows, width, b));
      emit("leaf_hash", "rows", rows, "width", width, "ms", leaves, "rows_per_s", rows / leaves * 1e3,
          "permutations_per_s", (double) rows * permsPerRow / leaves * 1e3);

      CUdeviceptr tree = alloc((2L * 8 << logRows));
      try {
        double commit = median(k, () -> {
          gpu.hashRowsOnDevice(k, a, rows, width, tree);
          gpu.merkleOnDevice(k, tree, logRows);
        });
        emit("merkle_commit_device", "log_rows", logRows, "width", width, "ms", commit);
      } finally {
        cuMemFree(tree);
      }

      int logFold = Math.min(22, maxLog);
      int[] beta = randomElements(4);
      double fold = median(k, () -> gpu.foldOnDevice(k, a, b, logFold, BabyBear.GENERATOR, beta));
      emit("fri_fold_device", "log_size", logFold, "ms", fold);
      return copyGbps;
    } finally {
      cuMemFree(a);
      cuMemFree(b);
    }
  }

  private void nttForward(CudaKernels k, CUdeviceptr a, CUdeviceptr b, int logN, int width, NttPlan plan,
      double copyGbps) {
    long bytes = (long) width * Sizeof.INT << logN;
    int passes = plan.passSizes(logN).length;
    // in place, from a fresh copy each time (the copy is timed apart and subtracted)
    double copy = median(k, () -> cuMemcpyDtoDAsync(b, a, bytes, k.stream()));
    double both = median(k, () -> {
      cuMemcpyDtoDAsync(b, a, bytes, k.stream());
      gpu.forwardOnDevice(k, b, width, logN, plan);
    });
    double ms = both - copy;
    emit("ntt_forward", "log_n", logN, "width", width, "max_stages", plan.maxStages(), "log_tile", plan.logTile(),
        "threads", plan.threads(),
        "passes", passes, "ms", ms, "gbps_one_read_one_write", 2.0 * bytes / ms / 1e6,
        "gbps_all_passes", 2.0 * bytes * passes / ms / 1e6,
        "fraction_of_copy_all_passes", 2.0 * bytes * passes / ms / 1e6 / copyGbps);
  }

  /** The median over REPEATS timed runs (after one warm-up) of {@code body}, in milliseconds. */
  private static double median(CudaKernels k, Runnable body) {
    CUevent start = new CUevent();
    CUevent stop = new CUevent();
    cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT);
    cuEventCreate(stop, CUevent_flags.CU_EVENT_DEFAULT);
    try {
      body.run();
      k.sync();
      double[] times = new double[REPEATS];
      float[] ms = new float[1];
      for (int i = 0; i < REPEATS; i++) {
        cuEventRecord(start, k.stream());
        body.run();
        cuEventRecord(stop, k.stream());
        cuEventSynchronize(stop);
        cuEventElapsedTime(ms, start, stop);
        times[i] = ms[0];
      }
      Arrays.sort(times);
      return times[REPEATS / 2];
    } finally {
      cuEventDestroy(start);
      cuEventDestroy(stop);
    }
  }

  private static CUdeviceptr alloc(long words) {
    CUdeviceptr p = new CUdeviceptr();
    cuMemAlloc(p, words * Sizeof.INT);
    return p;
  }

  private int[] randomElements(int n) {
    return randomElements.apply(n);
  }

  private void emit(String bench, Object... keyValues) {
    report.emit(bench, keyValues);
  }
}

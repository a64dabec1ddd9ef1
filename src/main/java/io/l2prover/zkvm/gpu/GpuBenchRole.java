package io.l2prover.zkvm.gpu;

import io.l2prover.app.Role;
import io.l2prover.app.UserError;
import io.l2prover.zkvm.stark.backend.CpuBackend;

/** {@code bench-gpu [--max-log N] [--width W] [--no-cpu]}: GPU benchmarks as JSON lines (docs/gpu.md). */
public final class GpuBenchRole implements Role {

  @Override
  public String name() {
    return "bench-gpu";
  }

  @Override
  public String summary() {
    return "benchmark the CUDA kernels against the CPU backend (JSON lines)";
  }

  @Override
  public int run(String[] args) {
    int maxLog = 24;
    int width = 64;
    boolean withCpu = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max-log" -> maxLog = intArg(args, ++i, "--max-log", 20, 26);
        case "--width" -> width = intArg(args, ++i, "--width", 1, 256);
        case "--no-cpu" -> withCpu = false;
        case "--help" -> {
          System.out.println("usage: bench-gpu [--max-log 20..26 (default 24)] [--width 1..256 (default 64)] [--no-cpu]");
          return 0;
        }
        default -> throw new UserError("bench-gpu: unknown option '" + args[i] + "' (try --help)");
      }
    }
    if (((long) width << maxLog) > Integer.MAX_VALUE - 8) {
      throw new UserError("bench-gpu: " + width + " x 2^" + maxLog + " does not fit one Java array; lower --max-log");
    }
    CudaStatus status = CudaProbe.jcuda().probe();
    if (!status.usable()) {
      throw new UserError("bench-gpu needs a usable GPU: " + status.reason());
    }
    try (CudaBackend gpu = new CudaBackend(status)) {
      return new GpuBench(gpu, new CpuBackend(), System.out).run(maxLog, width, withCpu) ? 0 : 1;
    }
  }

  private static int intArg(String[] args, int i, String flag, int min, int max) {
    if (i >= args.length) {
      throw new UserError("bench-gpu: " + flag + " needs a value");
    }
    try {
      int v = Integer.parseInt(args[i]);
      if (v < min || v > max) {
        throw new UserError("bench-gpu: " + flag + " must be in " + min + ".." + max + ", got " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserError("bench-gpu: " + flag + " must be a number, got '" + args[i] + "'");
    }
  }
}

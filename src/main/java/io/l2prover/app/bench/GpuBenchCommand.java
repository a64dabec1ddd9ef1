package io.l2prover.app.bench;

import io.l2prover.app.cli.Role;
import io.l2prover.app.cli.UserError;

/**
 * {@code bench gpu [--max-log N] [--width W] [--prove-log N] [--no-cpu]}: the CUDA kernels'
 * benchmarks and a full proof on both backends, as JSON lines (docs/gpu.md).
 */
public final class GpuBenchCommand implements Role {

  @Override
  public String name() {
    return "gpu";
  }

  @Override
  public String summary() {
    return "[--max-log 20..26] [--width 1..256] [--prove-log 10..24] [--no-cpu]: CUDA kernels vs CPU";
  }

  @Override
  public int run(String[] args) {
    GpuBench.Options options = GpuBench.Options.DEFAULT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max-log" -> options = options.withMaxLog(intArg(args, ++i, "--max-log", 20, 26));
        case "--width" -> options = options.withWidth(intArg(args, ++i, "--width", 1, 256));
        case "--prove-log" -> options = options.withProveLog(intArg(args, ++i, "--prove-log", 10, 24));
        case "--no-cpu" -> options = options.withCpu(false);
        default -> throw new UserError("bench gpu: unknown option '" + args[i] + "'; options: " + summary(), 2);
      }
    }
    if (((long) options.width() << options.maxLog()) > Integer.MAX_VALUE - 8) {
      throw new UserError("bench gpu: " + options.width() + " x 2^" + options.maxLog()
          + " does not fit one Java array; lower --max-log", 2);
    }
    return GpuBench.run(options, System.out) ? 0 : 1;
  }

  private static int intArg(String[] args, int i, String flag, int min, int max) {
    if (i >= args.length) {
      throw new UserError("bench gpu: " + flag + " needs a value", 2);
    }
    try {
      int v = Integer.parseInt(args[i]);
      if (v < min || v > max) {
        throw new UserError("bench gpu: " + flag + " must be in " + min + ".." + max + ", got " + v, 2);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserError("bench gpu: " + flag + " must be a number, got '" + args[i] + "'", 2);
    }
  }
}

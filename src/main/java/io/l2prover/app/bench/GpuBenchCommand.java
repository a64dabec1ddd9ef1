package io.l2prover.app.bench;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import java.util.Set;

/**
 * {@code bench gpu [--max-log N] [--width W] [--prove-log N] [--no-cpu]}: the CUDA kernels'
 * benchmarks and a full proof on both backends, as JSON lines (docs/gpu.md).
 */
public final class GpuBenchCommand extends FlagRole {

  private static final String SUMMARY =
      "[--max-log 20..26] [--width 1..256] [--prove-log 10..24] [--no-cpu]: CUDA kernels vs CPU";

  public GpuBenchCommand() {
    super("gpu", "bench gpu", SUMMARY, Set.of("max-log", "width", "prove-log"), Set.of("no-cpu"), System.out);
  }

  @Override
  protected String usage() {
    return "usage: bench gpu " + SUMMARY + "\n";
  }

  @Override
  protected int run(CliFlags flags) {
    GpuBench.Options d = GpuBench.Options.DEFAULT;
    GpuBench.Options options = new GpuBench.Options((int) flags.longValue("max-log", d.maxLog(), 20, 26),
        (int) flags.longValue("width", d.width(), 1, 256), (int) flags.longValue("prove-log", d.proveLog(), 10, 24),
        !flags.has("no-cpu"));
    if (((long) options.width() << options.maxLog()) > Integer.MAX_VALUE - 8) {
      throw new UserError("bench gpu: " + options.width() + " x 2^" + options.maxLog()
          + " does not fit one Java array; lower --max-log", 2);
    }
    return GpuBench.run(options, System.out) ? 0 : 1;
  }
}

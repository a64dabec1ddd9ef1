package io.l2prover.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.SegmentMemoryPlan;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench gpu [--max-log N] [--width W] [--prove-log N] [--no-cpu]}: the CUDA kernels'
 * benchmarks and a full proof on both backends, as JSON lines (docs/gpu.md).
 */
public final class GpuBenchCommand extends FlagRole {

  private static final String SUMMARY =
      "[--max-log 20..26] [--width 1..256] [--prove-log 10..24] [--no-cpu] | --plan: CUDA kernels vs CPU";

  private final PrintStream out;

  public GpuBenchCommand() {
    this(System.out);
  }

  GpuBenchCommand(PrintStream out) {
    super("gpu", "bench gpu", SUMMARY, Set.of("max-log", "width", "prove-log"), Set.of("no-cpu", "plan"), out);
    this.out = out;
  }

  @Override
  protected String usage() {
    return "usage: bench gpu " + SUMMARY + "\n"
        + "  --plan   no GPU needed: the device memory one segment of the block guest needs at po2 "
        + SegmentMemoryPlan.MIN_PO2 + ".." + SegmentMemoryPlan.MAX_PO2 + ", one JSON line each\n";
  }

  @Override
  protected int run(CliFlags flags) throws Exception {
    if (flags.has("plan")) {
      Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(Program.fromElf(Guests.bundled("block"))));
      ObjectMapper json = new ObjectMapper();
      for (SegmentMemoryPlan plan : SegmentMemoryPlan.range(circuit, FriParameters.DEFAULT)) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("po2", plan.po2());
        line.put("trace_bytes", plan.traceBytes());
        line.put("quotient_bytes", plan.quotientBytes());
        line.put("merkle_bytes", plan.merkleBytes());
        line.put("fri_bytes", plan.friBytes());
        line.put("total_bytes", plan.totalBytes());
        line.put("total_gib", Math.round(plan.totalBytes() / (double) (1L << 30) * 100) / 100.0);
        out.println(json.writeValueAsString(line));
      }
      return 0;
    }
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

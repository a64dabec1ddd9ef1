package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code prove}: runs a guest and proves the run into a {@code composite} receipt, printing what
 * it cost: cycles, segments, the time of every proof, cycles per second, the receipt's size, its
 * conjectured security and the backend.
 */
public final class ProveRole extends FlagRole {

  /** Exit code when the run cannot be proven (the guest faults, or does what the circuit cannot prove). */
  public static final int EXIT_UNPROVABLE = 70;

  private static final String USAGE = """
      usage: prove --elf FILE [--input FILE] [--po2 N] --out RECEIPT
        --elf FILE       RV32IM guest (ELF32, static)
        --input FILE     bytes the guest reads from fd 0 (private: not in the receipt)
        --po2 N          segments of at most 2^N cycles (default: PROVER_SEGMENT_PO2, %s in conf/config.json)
        --out RECEIPT    where to write the receipt (verify it with `verify --receipt RECEIPT --elf FILE`)
      Guest output on fd 1/2 is discarded; the journal (fd 3) is in the receipt.
      """;

  private final PrintStream out;
  private final Map<String, String> environment;

  private final BackendSelector selector;

  public ProveRole(PrintStream out, Map<String, String> environment) {
    this(out, environment, BackendSelector.standard());
  }

  /** @param selector chooses the compute backend from PROVER_GPU (the real CUDA probe in the jar) */
  public ProveRole(PrintStream out, Map<String, String> environment, BackendSelector selector) {
    super("prove", "prove a guest run into a composite receipt: --elf FILE --out RECEIPT",
        Set.of("elf", "input", "po2", "out"), Set.of(), out);
    this.out = out;
    this.environment = environment;
    this.selector = selector;
  }

  @Override
  protected String usage() {
    return USAGE.formatted(ConfigLoader.defaults().getValue(ExecuteRole.PO2_ENV));
  }

  @Override
  protected int run(CliFlags flags) {
    Program program = GuestElf.load(flags);
    byte[] input = flags.has("input") ? flags.readFile("input") : new byte[0];
    ProverConfig config = ProverConfig.from(ConfigLoader.defaultsAndEnvironment(environment), environment);
    Path receiptPath = Path.of(flags.required("out"));
    ComputeBackend backend = Services.computeBackend(config, selector);
    int po2 = SegmentSizing.choose((int) flags.longValue("po2", config.segmentPo2(), ExecutorOptions.MIN_PO2,
        ExecutorOptions.MAX_PO2), flags.has("po2") || environment.containsKey(ExecuteRole.PO2_ENV), backend, program);
    ExecutorOptions options = ExecutorOptions.defaults().withPo2(po2)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    out.printf("proving %s with segments of at most 2^%d cycles on the %s backend%n", flags.required("elf"), po2,
        backend.name());
    CompositeProver.Proved proved;
    try {
      proved = new CompositeProver(backend).prove(program, input, options, ProofReport.progress(out));
    } catch (GuestFault e) {
      throw new UserError("prove: the guest faulted, there is nothing to prove: " + e.getMessage(), EXIT_UNPROVABLE);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserError("prove: this run cannot be proven: " + e.getMessage(), EXIT_UNPROVABLE);
    }
    ProofReport.finish(out, "prove", proved, receiptPath);
    return 0;
  }
}

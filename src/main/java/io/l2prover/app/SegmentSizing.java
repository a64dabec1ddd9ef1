package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.receipt.SegmentMemoryPlan;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment size on a GPU: a segment's planned device memory ({@link SegmentMemoryPlan}) must
 * fit the device. Unset, PROVER_SEGMENT_PO2 becomes the largest po2 that fits; set to one that
 * does not fit, the role stops with one line. On the CPU the setting is used as it is.
 */
final class SegmentSizing {

  /** The part of the device's memory a segment may plan on: the driver, the module and other processes need some. */
  private static final double USABLE = 0.9;
  private static final String ENV = ExecuteRole.PO2_ENV;

  private static final Logger LOG = LoggerFactory.getLogger(SegmentSizing.class);

  private SegmentSizing() {}

  /**
   * The po2 to prove {@code program} with on {@code backend}.
   *
   * @param configured PROVER_SEGMENT_PO2 (its default when unset)
   * @param set whether the user set it (environment, config file or flag)
   * @throws UserError when it is set and does not fit, or when no segment size fits
   */
  static int choose(int configured, boolean set, ComputeBackend backend, Program program) {
    if (!(backend instanceof CudaBackend cuda) || cuda.device().memoryBytes() <= 0) {
      return configured;
    }
    long budget = (long) (cuda.device().memoryBytes() * USABLE);
    Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(program));
    SegmentMemoryPlan plan = SegmentMemoryPlan.of(circuit, FriParameters.DEFAULT, configured);
    String device = cuda.device().deviceName() + " (" + gib(cuda.device().memoryBytes()) + " GiB, "
        + gib(budget) + " GiB for a segment)";
    OptionalInt largest = SegmentMemoryPlan.largestFitting(circuit, FriParameters.DEFAULT, budget);
    if (set) {
      if (plan.totalBytes() <= budget) {
        return configured;
      }
      throw new UserError(ENV + "=" + configured + ": a segment of 2^" + configured + " cycles plans "
          + gib(plan.totalBytes()) + " GiB of device memory, more than " + device + " holds; "
          + (largest.isPresent() ? "set " + ENV + "=" + largest.getAsInt() + " or lower, or leave it unset"
              : "no segment size fits it: set PROVER_GPU=off"));
    }
    if (largest.isEmpty()) {
      throw new UserError("no segment fits the device memory of " + device + ": a segment of 2^"
          + SegmentMemoryPlan.MIN_PO2 + " cycles plans " + gib(SegmentMemoryPlan.of(circuit, FriParameters.DEFAULT,
          SegmentMemoryPlan.MIN_PO2).totalBytes()) + " GiB; set PROVER_GPU=off");
    }
    LOG.info("Segments of 2^{} cycles: the largest whose planned device memory fits {} ({} unset)",
        largest.getAsInt(), device, ENV);
    return largest.getAsInt();
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
  }
}

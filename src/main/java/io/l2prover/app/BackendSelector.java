package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the compute backend at start from {@link GpuMode}: CUDA when a usable GPU is there and
 * allowed, otherwise the CPU. Probing is cheap (no context, no module); the CUDA backend loads
 * its kernels on first use.
 */
public final class BackendSelector {

  private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);
  /** How {@code JcudaProbe} begins its reason when libcuda.so.1 is missing. */
  private static final String NO_DRIVER = "no CUDA driver library (libcuda.so.1)";

  private final CudaProbe probe;
  private final Supplier<ComputeBackend> cpu;

  public BackendSelector(CudaProbe probe, Supplier<ComputeBackend> cpu) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
  }

  /** The real probe and the reference CPU backend: what the jar's roles choose with. */
  public static BackendSelector standard() {
    return standard(CpuBackend::new);
  }

  /** The real probe and the given CPU backend. */
  public static BackendSelector standard(Supplier<ComputeBackend> cpu) {
    return new BackendSelector(CudaProbe.jcuda(), cpu);
  }

  /**
   * The backend for {@code mode}.
   *
   * @throws UserError when the mode is {@link GpuMode#ON} and no usable GPU was found
   */
  public ComputeBackend select(GpuMode mode) {
    if (mode == GpuMode.OFF) {
      LOG.info("Proving on the CPU ({}=off)", GpuMode.ENV);
      return cpu.get();
    }
    CudaStatus status = probe.probe();
    if (status.usable()) {
      LOG.info("Proving on the GPU: {}", status.describe());
      return new CudaBackend(status);
    }
    if (mode == GpuMode.ON) {
      throw new UserError(GpuMode.ENV + "=on but no usable GPU: " + status.reason()
          + "; install the NVIDIA driver 580+ and run with --gpus all, or set " + GpuMode.ENV + "=auto");
    }
    LOG.info("Proving on the CPU: no usable GPU ({})", summary(status.reason()));
    LOG.debug("CUDA probe: {}", status.reason());
    return cpu.get();
  }

  /**
   * A host without the NVIDIA driver is the ordinary CPU-only case: JCuda's "Error while loading
   * native library" text would only alarm, so it goes to the debug log.
   */
  private static String summary(String reason) {
    return reason.startsWith(NO_DRIVER) ? NO_DRIVER + " on this host" : reason;
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
   * One backend per device {@code devices} lists (PROVER_GPU_DEVICES), each its own
   * {@link CudaBackend}; when none is listed, {@link #select(GpuMode)}'s one backend. With
   * {@code auto} and not one listed device usable (a CPU-only host), the CPU, said once in the log.
   *
   * @throws UserError when devices are listed with {@code off}, when a listed device is not usable
   *     (with {@code auto}: while others are), or with {@code on} and none usable
   */
  public List<ComputeBackend> select(GpuMode mode, GpuDevices devices) {
    if (!devices.listed()) {
      return List.of(select(mode));
    }
    String listed = GpuDevices.ENV + "=" + devices.ordinals().stream().map(String::valueOf)
        .collect(Collectors.joining(","));
    if (mode == GpuMode.OFF) {
      throw new UserError(listed + " lists GPUs but " + GpuMode.ENV + "=off proves on the CPU: unset one of them");
    }
    List<CudaStatus> found = devices.ordinals().stream().map(probe::probe).toList();
    List<CudaStatus> unusable = found.stream().filter(s -> !s.usable()).toList();
    if (unusable.size() == found.size()) {
      return List.of(select(mode)); // the one-device answer: the CPU with one line, or on's error
    }
    if (!unusable.isEmpty()) {
      int device = devices.ordinals().get(found.indexOf(unusable.get(0)));
      throw new UserError(listed + ": device " + device + " is not usable (" + unusable.get(0).reason()
          + "); list only usable devices");
    }
    List<ComputeBackend> backends = new ArrayList<>();
    for (CudaStatus status : found) {
      LOG.info("Proving on the GPU: {}", status.describe());
      backends.add(new CudaBackend(status));
    }
    return List.copyOf(backends);
  }

  /**
   * A host without the NVIDIA driver is the ordinary CPU-only case: JCuda's "Error while loading
   * native library" text would only alarm, so it goes to the debug log.
   */
  private static String summary(String reason) {
    return reason.startsWith(NO_DRIVER) ? NO_DRIVER + " on this host" : reason;
  }
}

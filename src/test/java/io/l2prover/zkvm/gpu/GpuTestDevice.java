package io.l2prover.zkvm.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.slf4j.LoggerFactory;

/** Opens the CUDA backend for a GPU test class, or skips the class with the probe's reason. */
final class GpuTestDevice {

  private GpuTestDevice() {}

  /**
   * The CUDA backend on the first usable GPU; where there is none, logs and skips the calling
   * test class (a JUnit assumption), naming {@code tests} and the probe's reason.
   */
  static CudaBackend openOrSkip(Class<?> testClass, String tests) {
    CudaStatus status = CudaProbe.jcuda().probe();
    if (!status.usable()) {
      LoggerFactory.getLogger(testClass).warn("{} skipped: no usable GPU ({})", tests, status.reason());
    }
    assumeTrue(status.usable(), () -> "no usable GPU, " + tests + " skipped: " + status.reason());
    return new CudaBackend(status);
  }

  /** Closes {@code gpu} if {@link #openOrSkip} opened one. */
  static void close(CudaBackend gpu) {
    if (gpu != null) {
      gpu.close();
    }
  }
}

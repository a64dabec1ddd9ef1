package io.l2prover.zkvm.gpu;

/** Finds out whether a CUDA device can run our kernels; never throws. */
@FunctionalInterface
public interface CudaProbe {

  /** CUDA device 0. */
  CudaStatus probe();

  /**
   * CUDA device {@code device} (PROVER_GPU_DEVICES). The default takes {@link #probe()}'s answer
   * for every device: for probes that stand for a host of identical devices (tests); the real
   * probe asks the driver.
   */
  default CudaStatus probe(int device) {
    CudaStatus first = probe();
    return first.usable() ? first.onDevice(device) : first;
  }

  /** The real probe through JCuda's driver API. */
  static CudaProbe jcuda() {
    return new JcudaProbe();
  }
}

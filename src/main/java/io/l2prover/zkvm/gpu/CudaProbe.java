package io.l2prover.zkvm.gpu;

/** Finds out whether a CUDA device can run our kernels; never throws. */
@FunctionalInterface
public interface CudaProbe {

  CudaStatus probe();

  /** The real probe through JCuda's driver API. */
  static CudaProbe jcuda() {
    return new JcudaProbe();
  }
}

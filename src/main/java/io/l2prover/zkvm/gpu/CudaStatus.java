package io.l2prover.zkvm.gpu;

/**
 * What the start-up probe found: a usable device (its name, compute capability, driver's CUDA
 * version, its number among the host's CUDA devices, its memory in bytes: 0 when unknown), or the
 * reason there is none.
 */
public record CudaStatus(boolean usable, String reason, String deviceName, int computeMajor,
    int computeMinor, int driverCudaVersion, int device, long memoryBytes) {

  /** Device 0, of unknown memory. */
  public CudaStatus(boolean usable, String reason, String deviceName, int computeMajor, int computeMinor,
      int driverCudaVersion) {
    this(usable, reason, deviceName, computeMajor, computeMinor, driverCudaVersion, 0, 0);
  }

  /** The same device found as CUDA device {@code ordinal}. */
  public CudaStatus onDevice(int ordinal) {
    return new CudaStatus(usable, reason, deviceName, computeMajor, computeMinor, driverCudaVersion, ordinal,
        memoryBytes);
  }

  /** The CUDA version (major * 1000 + minor * 10) the bundled PTX needs: driver 580 or newer. */
  public static final int MIN_DRIVER_CUDA_VERSION = 13000;

  public static CudaStatus unusable(String reason) {
    return new CudaStatus(false, reason, "", 0, 0, 0);
  }

  /** A one-line description of the device or of the reason, for logs. */
  public String describe() {
    if (!usable) {
      return reason;
    }
    return String.format("%s%s (compute %d.%d, driver CUDA %d.%d)", device == 0 ? "" : "device " + device + ": ",
        deviceName, computeMajor, computeMinor, driverCudaVersion / 1000, (driverCudaVersion % 1000) / 10);
  }
}

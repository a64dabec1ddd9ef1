package io.l2prover.zkvm.gpu;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;

import java.nio.charset.StandardCharsets;
import jcuda.CudaException;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;

/**
 * Probes CUDA through JCuda: loading JCuda's native library fails without libcuda.so.1, cuInit
 * fails without a driver or device, and the driver's CUDA version must cover the PTX's.
 */
final class JcudaProbe implements CudaProbe {

  /** Compute capability 7.5 (Turing) is the oldest the CUDA 13 PTX targets. */
  private static final int MIN_COMPUTE = 75;

  @Override
  public CudaStatus probe() {
    return probe(0);
  }

  @Override
  public CudaStatus probe(int ordinal) {
    try {
      JCudaDriver.setExceptionsEnabled(true);
      JCudaDriver.cuInit(0);
      int[] version = new int[1];
      JCudaDriver.cuDriverGetVersion(version);
      int[] count = new int[1];
      JCudaDriver.cuDeviceGetCount(count);
      if (count[0] == 0) {
        return CudaStatus.unusable("no CUDA device");
      }
      if (ordinal >= count[0]) {
        return CudaStatus.unusable("no CUDA device " + ordinal + " (this host has " + count[0] + ")");
      }
      CUdevice device = new CUdevice();
      JCudaDriver.cuDeviceGet(device, ordinal);
      byte[] name = new byte[256];
      JCudaDriver.cuDeviceGetName(name, name.length, device);
      int[] major = new int[1];
      int[] minor = new int[1];
      JCudaDriver.cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
      JCudaDriver.cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
      String deviceName = cString(name);
      if (version[0] < CudaStatus.MIN_DRIVER_CUDA_VERSION) {
        return CudaStatus.unusable(String.format(
            "the NVIDIA driver supports CUDA %d.%d, the kernels need %d.%d (driver 580 or newer)",
            version[0] / 1000, (version[0] % 1000) / 10, CudaStatus.MIN_DRIVER_CUDA_VERSION / 1000,
            (CudaStatus.MIN_DRIVER_CUDA_VERSION % 1000) / 10));
      }
      if (major[0] * 10 + minor[0] < MIN_COMPUTE) {
        return CudaStatus.unusable(String.format("%s has compute capability %d.%d, the kernels need 7.5 or newer",
            deviceName, major[0], minor[0]));
      }
      long[] memory = new long[1];
      JCudaDriver.cuDeviceTotalMem(memory, device);
      return new CudaStatus(true, "", deviceName, major[0], minor[0], version[0], ordinal, memory[0]);
    } catch (LinkageError e) {
      // UnsatisfiedLinkError (no libcuda.so.1 or JCuda native) or a failed JCuda class init
      return CudaStatus.unusable("no CUDA driver library (libcuda.so.1): " + firstLine(e.getMessage()));
    } catch (CudaException e) {
      return CudaStatus.unusable("CUDA driver error: " + firstLine(e.getMessage()));
    }
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.US_ASCII);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

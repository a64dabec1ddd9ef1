package io.l2prover.zkvm.gpu;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN;
import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuFuncSetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleGetGlobal;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

/**
 * The loaded kernels of native/cuda/kernels.cu on device 0: the device's primary context, the
 * module built from the bundled PTX, the Poseidon2 constants in constant memory, one stream, and
 * typed launches. Every driver call throws {@link jcuda.CudaException} on error (JCuda exceptions
 * are enabled). Callers bind the context ({@link #bind}) on their thread before any other call.
 */
final class CudaKernels implements AutoCloseable {

  /** The PTX resource in the jar, built by {@code make ptx}. */
  static final String PTX_RESOURCE = "/cuda/l2prover.ptx";

  private final CUdevice device = new CUdevice();
  private final CUcontext context = new CUcontext();
  private final CUmodule module = new CUmodule();
  private final CUstream stream = new CUstream();
  private final Map<String, CUfunction> functions = new HashMap<>();
  private final int maxSharedBytes;

  /** @param ordinal the CUDA device to run on */
  CudaKernels(Poseidon2 permutation, int ordinal) {
    JCudaDriver.setExceptionsEnabled(true);
    cuInit(0);
    cuDeviceGet(device, ordinal);
    cuDevicePrimaryCtxRetain(context, device);
    bind();
    cuModuleLoadData(module, readPtx());
    // A blocking stream: synchronous copies (legacy stream) are ordered with its kernels.
    cuStreamCreate(stream, CUstream_flags.CU_STREAM_DEFAULT);
    uploadPoseidonConstants(permutation);
    // Let the NTT use the device's whole opt-in shared memory (beyond the default 48 KiB).
    int[] optIn = new int[1];
    cuDeviceGetAttribute(optIn, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN, device);
    maxSharedBytes = optIn[0];
    cuFuncSetAttribute(function("ntt_pass"), CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, maxSharedBytes);
  }

  /** The most shared memory one block of ntt_pass may take, in bytes. */
  int maxSharedBytes() {
    return maxSharedBytes;
  }

  /** Makes this context current on the calling thread: the first step of every GPU task. */
  void bind() {
    cuCtxSetCurrent(context);
  }

  CUstream stream() {
    return stream;
  }

  /** Waits for the stream; surfaces any error of the kernels launched on it. */
  void sync() {
    cuStreamSynchronize(stream);
  }

  /**
   * Launches {@code name} on the stream with a (gridX, gridY) grid of {@code threads}-thread
   * blocks. Arguments: {@link CUdeviceptr} (a null pointer: {@link #nullPointer()}) or {@link Integer}.
   */
  void launch(String name, long gridX, int gridY, int threads, int sharedBytes, Object... args) {
    if (gridX > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": grid of " + gridX + " blocks is too large");
    }
    Pointer[] params = new Pointer[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof CUdeviceptr p) {
        params[i] = Pointer.to(p);
      } else if (a instanceof Integer v) {
        params[i] = Pointer.to(new int[] {v});
      } else {
        throw new IllegalArgumentException(name + ": unsupported kernel argument " + a);
      }
    }
    cuLaunchKernel(function(name), (int) gridX, gridY, 1, threads, 1, 1, sharedBytes, stream,
        Pointer.to(params), null);
  }

  /** A null device pointer argument (a fresh one: JCuda pointers are mutable). */
  static CUdeviceptr nullPointer() {
    return new CUdeviceptr();
  }

  private CUfunction function(String name) {
    return functions.computeIfAbsent(name, n -> {
      CUfunction f = new CUfunction();
      cuModuleGetFunction(f, module, n);
      return f;
    });
  }

  private void uploadPoseidonConstants(Poseidon2 permutation) {
    int[] words = PoseidonDeviceConstants.montgomery(permutation);
    CUdeviceptr symbol = new CUdeviceptr();
    long[] size = new long[1];
    cuModuleGetGlobal(symbol, size, module, "POSEIDON2_CONSTANTS");
    if (size[0] != (long) words.length * Sizeof.INT) {
      throw new IllegalStateException("POSEIDON2_CONSTANTS holds " + size[0] + " bytes, expected "
          + words.length * Sizeof.INT + ": the PTX and the Java code disagree, run `make ptx`");
    }
    cuMemcpyHtoD(symbol, Pointer.to(words), size[0]);
  }

  private static byte[] readPtx() {
    try (InputStream in = CudaKernels.class.getResourceAsStream(PTX_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + PTX_RESOURCE + ": build it with `make ptx`");
      }
      byte[] text = in.readAllBytes();
      byte[] terminated = new byte[text.length + 1]; // cuModuleLoadData wants a C string
      System.arraycopy(text, 0, terminated, 0, text.length);
      return terminated;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + PTX_RESOURCE, e);
    }
  }

  @Override
  public void close() {
    bind();
    cuStreamDestroy(stream);
    cuModuleUnload(module);
    cuDevicePrimaryCtxRelease(device);
  }
}

package io.l2prover.zkvm.gpu;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import java.util.EnumMap;
import java.util.Map;
import jcuda.driver.CUdeviceptr;

/**
 * Device buffers kept across calls, one per role, grown (never shrunk) on demand, so a run of
 * same-sized proving steps allocates once. Not thread-safe: used under the backend's lock with
 * the context bound.
 */
final class DeviceArena {

  /** The roles a buffer plays in one backend call. */
  enum Slot {
    INPUT, OUTPUT, AUX, STATES, FORWARD_TWIDDLES, INVERSE_TWIDDLES,
    QUOTIENT_PROGRAM, QUOTIENT_TRACES, QUOTIENT_SELECTORS, QUOTIENT_REGISTERS
  }

  private record Buffer(CUdeviceptr pointer, long bytes) {}

  private final Map<Slot, Buffer> buffers = new EnumMap<>(Slot.class);

  /** A buffer of at least {@code bytes} for {@code slot}; earlier contents are kept only if it did not grow. */
  CUdeviceptr get(Slot slot, long bytes) {
    Buffer b = buffers.get(slot);
    if (b != null && b.bytes() >= bytes) {
      return b.pointer();
    }
    if (b != null) {
      cuMemFree(b.pointer());
      buffers.remove(slot);
    }
    CUdeviceptr p = new CUdeviceptr();
    cuMemAlloc(p, Math.max(bytes, 4));
    buffers.put(slot, new Buffer(p, Math.max(bytes, 4)));
    return p;
  }

  /** Bytes currently held on the device. */
  long heldBytes() {
    return buffers.values().stream().mapToLong(Buffer::bytes).sum();
  }

  void releaseAll() {
    buffers.values().forEach(b -> cuMemFree(b.pointer()));
    buffers.clear();
  }
}

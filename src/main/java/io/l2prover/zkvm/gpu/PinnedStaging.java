package io.l2prover.zkvm.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;

/**
 * Copies between Java arrays and device memory through two pinned host buffers: the DMA of one
 * chunk runs while the CPU fills (or drains) the other, and pinned memory moves at full link
 * speed, where a copy from a Java array would be staged by the driver chunk by chunk. Copies are
 * queued on the kernels' stream, so they stay ordered with the kernels. Not thread-safe: used
 * under the backend's lock with the context bound.
 */
final class PinnedStaging implements AutoCloseable {

  /** Words per chunk: 16 MiB, large enough to reach full DMA speed. */
  static final int CHUNK_WORDS = 4 << 20;

  private final CUstream stream;
  private final Pointer[] host = new Pointer[2];
  private final IntBuffer[] ints = new IntBuffer[2];
  /** Per buffer: completes when the last DMA from or into it has finished. */
  private final CUevent[] done = new CUevent[2];

  PinnedStaging(CUstream stream) {
    this.stream = stream;
    for (int b = 0; b < 2; b++) {
      host[b] = new Pointer();
      cuMemAllocHost(host[b], (long) CHUNK_WORDS * Sizeof.INT);
      ints[b] = host[b].getByteBuffer(0, (long) CHUNK_WORDS * Sizeof.INT).order(ByteOrder.nativeOrder()).asIntBuffer();
      done[b] = new CUevent();
      cuEventCreate(done[b], CUevent_flags.CU_EVENT_DISABLE_TIMING);
    }
  }

  /** Queues the copy of {@code words} ints of {@code src} to {@code dst}; returns once src may change. */
  void upload(int[] src, CUdeviceptr dst, long words) {
    long copied = 0;
    for (int i = 0; copied < words; i++) {
      int b = i & 1;
      int n = (int) Math.min(CHUNK_WORDS, words - copied);
      cuEventSynchronize(done[b]); // the buffer's previous DMA is over
      ints[b].clear();
      ints[b].put(src, (int) copied, n);
      cuMemcpyHtoDAsync(dst.withByteOffset(copied * Sizeof.INT), host[b], (long) n * Sizeof.INT, stream);
      cuEventRecord(done[b], stream);
      copied += n;
    }
  }

  /** Copies {@code words} ints from {@code src} (after the work queued before) into {@code dst}. */
  void download(CUdeviceptr src, int[] dst, long words) {
    if (words == 0) {
      return;
    }
    int chunks = (int) ((words + CHUNK_WORDS - 1) / CHUNK_WORDS);
    enqueueDownload(src, words, 0);
    for (int i = 0; i < chunks; i++) {
      if (i + 1 < chunks) {
        enqueueDownload(src, words, i + 1); // its buffer was drained in the previous round
      }
      int b = i & 1;
      long offset = (long) i * CHUNK_WORDS;
      int n = (int) Math.min(CHUNK_WORDS, words - offset);
      cuEventSynchronize(done[b]);
      ints[b].clear();
      ints[b].get(dst, (int) offset, n);
    }
  }

  private void enqueueDownload(CUdeviceptr src, long words, int chunk) {
    int b = chunk & 1;
    long offset = (long) chunk * CHUNK_WORDS;
    int n = (int) Math.min(CHUNK_WORDS, words - offset);
    cuEventSynchronize(done[b]); // an upload's DMA out of this buffer may still run
    cuMemcpyDtoHAsync(host[b], src.withByteOffset(offset * Sizeof.INT), (long) n * Sizeof.INT, stream);
    cuEventRecord(done[b], stream);
  }

  @Override
  public void close() {
    for (int b = 0; b < 2; b++) {
      cuEventSynchronize(done[b]);
      cuEventDestroy(done[b]);
      cuMemFreeHost(host[b]);
    }
  }
}

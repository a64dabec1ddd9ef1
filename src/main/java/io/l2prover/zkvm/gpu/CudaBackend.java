package io.l2prover.zkvm.gpu;

import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.gpu.DeviceArena.Slot;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;

/**
 * The {@link ComputeBackend} on an NVIDIA GPU through JCuda's driver API, bit-identical to the
 * CPU backend. The kernels (PTX bundled in the jar) load on first use; every call takes the
 * backend's lock, binds the CUDA context to the calling thread, reuses device buffers kept from
 * earlier calls, moves data through double-buffered pinned memory (the CPU's copy of one chunk
 * overlaps the DMA of the next, and the kernels queue behind the uploads on one stream), and
 * checks every driver call. Calls block until the GPU is done, so they belong
 * in worker threads (a worker verticle or {@code executeBlocking}); a thread a
 * {@link BlockingCallGuard} refuses (a Vert.x event loop) is refused. One device (the probed one), one stream:
 * concurrent callers queue on the lock.
 */
public final class CudaBackend implements ComputeBackend, AutoCloseable {

  private static final int DIGEST = Poseidon2Hash.DIGEST;
  private static final int THREADS = 256;
  /** Immutable after class initialisation: the installed guards never change in a process. */
  private static final List<BlockingCallGuard> GUARDS = BlockingCallGuard.installed();

  private final CudaStatus status;
  private final Poseidon2Hash hash = Poseidon2Hash.babyBear();
  private final ReentrantLock lock = new ReentrantLock();
  private final DeviceArena arena = new DeviceArena();
  private CudaKernels kernels; // guarded by lock, created on first use
  private PinnedStaging staging; // guarded by lock, created with the kernels
  private int forwardTwiddleLog; // guarded by lock: the device tables cover 2^log points
  private int inverseTwiddleLog;

  /** A backend for the device the probe found usable. */
  public CudaBackend(CudaStatus status) {
    if (!status.usable()) {
      throw new IllegalArgumentException("no usable GPU: " + status.reason());
    }
    this.status = status;
  }

  @Override
  public String name() {
    return "cuda";
  }

  /** The device this backend runs on. */
  public CudaStatus device() {
    return status;
  }

  @Override
  public int[] cosetLde(int[] evaluations, int width, int logHeight, int logBlowup, int shift) {
    if (logHeight < 0 || logBlowup < 0 || logHeight + logBlowup > BabyBear.TWO_ADICITY) {
      throw new IllegalArgumentException("LDE of 2^" + logHeight + " rows with blowup 2^" + logBlowup
          + " exceeds BabyBear's 2^" + BabyBear.TWO_ADICITY + " two-adic subgroup");
    }
    long inWords = (long) width << logHeight;
    long outWords = inWords << logBlowup;
    if (width < 0 || evaluations.length < inWords) {
      throw new IllegalArgumentException("matrix of " + evaluations.length + " elements is smaller than "
          + width + " x 2^" + logHeight);
    }
    if (outWords > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("LDE of " + width + " columns x 2^" + (logHeight + logBlowup)
          + " rows does not fit in one Java array; split the columns");
    }
    int[] out = new int[(int) outWords];
    if (outWords == 0) {
      return out;
    }
    return onDevice(k -> {
      CUdeviceptr in = arena.get(Slot.INPUT, inWords * Sizeof.INT);
      CUdeviceptr dst = arena.get(Slot.OUTPUT, outWords * Sizeof.INT);
      staging.upload(evaluations, in, inWords);
      ldeOnDevice(k, in, dst, width, logHeight, logBlowup, shift);
      staging.download(dst, out, outWords);
      return out;
    });
  }

  @Override
  public int[] hashLeaves(int[][] matrices, int[] widths, int height) {
    if (matrices.length != widths.length) {
      throw new IllegalArgumentException(matrices.length + " matrices but " + widths.length + " widths");
    }
    for (int m = 0; m < matrices.length; m++) {
      if (widths[m] < 0 || (long) widths[m] * height > matrices[m].length) {
        throw new IllegalArgumentException("matrix " + m + " has " + matrices[m].length
            + " elements, fewer than " + widths[m] + " x " + height);
      }
    }
    int[] out = new int[height * DIGEST];
    if (height == 0) {
      return out;
    }
    return onDevice(k -> {
      CUdeviceptr digests = arena.get(Slot.OUTPUT, (long) height * DIGEST * Sizeof.INT);
      CUdeviceptr states = matrices.length > 1 ? arena.get(Slot.STATES, (long) height * 16 * Sizeof.INT) : null;
      int pos = 0;
      for (int m = 0; m < matrices.length; m++) {
        long words = (long) widths[m] * height;
        CUdeviceptr in = arena.get(Slot.INPUT, words * Sizeof.INT);
        // queued after the previous matrix's kernel, which reads the same buffer
        staging.upload(matrices[m], in, words);
        boolean last = m == matrices.length - 1;
        if (matrices.length == 1) {
          k.launch("poseidon2_hash_rows", blocks(height), 1, THREADS, 0, in, height, widths[m], digests);
        } else {
          k.launch("poseidon2_absorb_rows", blocks(height), 1, THREADS, 0, in, height, widths[m], states, pos,
              m == 0 ? 1 : 0, last ? digests : CudaKernels.nullPointer());
        }
        pos = (int) ((pos + (long) widths[m]) % Poseidon2Hash.RATE);
      }
      if (matrices.length == 0) {
        k.launch("poseidon2_hash_rows", blocks(height), 1, THREADS, 0, arena.get(Slot.INPUT, 4), height, 0, digests);
      }
      staging.download(digests, out, (long) height * DIGEST);
      return out;
    });
  }

  @Override
  public int[][] merkleLayers(int[] leafDigests, int logLeaves) {
    if (logLeaves < 0 || logLeaves > 30 || leafDigests.length != DIGEST << logLeaves) {
      throw new IllegalArgumentException("expected 2^" + logLeaves + " leaf digests (" + ((long) DIGEST << logLeaves)
          + " ints), got " + leafDigests.length + " ints");
    }
    long totalWords = (2L * DIGEST << logLeaves) - DIGEST; // all layers, leaves first
    if (totalWords > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Merkle tree of 2^" + logLeaves + " leaves is too large");
    }
    return onDevice(k -> {
      CUdeviceptr tree = arena.get(Slot.OUTPUT, totalWords * Sizeof.INT);
      staging.upload(leafDigests, tree, leafDigests.length);
      merkleOnDevice(k, tree, logLeaves);
      int[] all = new int[(int) totalWords];
      staging.download(tree, all, totalWords);
      int[][] layers = new int[logLeaves + 1][];
      int offset = 0;
      for (int layer = 0; layer <= logLeaves; layer++) {
        int words = DIGEST << (logLeaves - layer);
        layers[layer] = java.util.Arrays.copyOfRange(all, offset, offset + words);
        offset += words;
      }
      return layers;
    });
  }

  @Override
  public int[] foldFri(int[] codeword, int logSize, int shift, int[] beta) {
    if (logSize < 1 || logSize > BabyBear.TWO_ADICITY || codeword.length != 4 << logSize) {
      throw new IllegalArgumentException("FRI fold needs 2^" + logSize + " Ext4 values (" + (4L << logSize)
          + " ints), got " + codeword.length + " ints");
    }
    if (beta.length != 4) {
      throw new IllegalArgumentException("beta must be an Ext4 value of 4 ints, got " + beta.length);
    }
    int half = 1 << (logSize - 1);
    int[] out = new int[4 * half];
    return onDevice(k -> {
      CUdeviceptr in = arena.get(Slot.INPUT, (long) codeword.length * Sizeof.INT);
      CUdeviceptr dst = arena.get(Slot.OUTPUT, (long) out.length * Sizeof.INT);
      staging.upload(codeword, in, codeword.length);
      foldOnDevice(k, in, dst, logSize, shift, beta);
      staging.download(dst, out, out.length);
      return out;
    });
  }

  /**
   * The quotient on the GPU: one thread per point interprets the compiled constraint program
   * (native/cuda/quotient.cuh), with exactly CpuQuotientKernel's arithmetic.
   */
  @Override
  public int[] evaluateQuotient(QuotientTask t) {
    QuotientUpload.check(t);
    int points = 1 << t.logQuotientSize();
    int[] out = new int[4 * points];
    return onDevice(k -> {
      QuotientUpload upload = QuotientUpload.of(t);
      CUdeviceptr program = arena.get(Slot.QUOTIENT_PROGRAM, (long) upload.program().length * Sizeof.INT);
      staging.upload(upload.program(), program, upload.program().length);
      CUdeviceptr traces = arena.get(Slot.QUOTIENT_TRACES, upload.traceWords() * Sizeof.INT);
      staging.upload(t.preprocessed(), traces, t.preprocessed().length);
      staging.upload(t.main(), traces.withByteOffset(upload.mainOffset() * Sizeof.INT), t.main().length);
      staging.upload(t.aux(), traces.withByteOffset(upload.auxOffset() * Sizeof.INT), t.aux().length);
      CUdeviceptr selectors = arena.get(Slot.QUOTIENT_SELECTORS, 4L * points * Sizeof.INT);
      int[][] columns = {t.firstRow(), t.lastRow(), t.transition(), t.inverseVanishing()};
      for (int c = 0; c < 4; c++) {
        staging.upload(columns[c], selectors.withByteOffset((long) c * points * Sizeof.INT), points);
      }
      int threads = QuotientUpload.threads(points, t.registers());
      CUdeviceptr registers = arena.get(Slot.QUOTIENT_REGISTERS, 4L * threads * Math.max(1, t.registers()) * Sizeof.INT);
      CUdeviceptr dst = arena.get(Slot.OUTPUT, (long) out.length * Sizeof.INT);
      k.launch("quotient_evaluate", threads / THREADS, 1, THREADS, 0,
          program.withByteOffset(upload.codeOffset() * Sizeof.INT), t.code().length / 4,
          program.withByteOffset(upload.outputsOffset() * Sizeof.INT),
          program.withByteOffset(upload.whenOffset() * Sizeof.INT), t.outputs().length,
          t.logRows() + t.logBlowup(), t.logBlowup(), traces, t.preprocessedWidth(),
          traces.withByteOffset(upload.mainOffset() * Sizeof.INT), t.mainWidth(),
          traces.withByteOffset(upload.auxOffset() * Sizeof.INT), t.auxWidth(),
          program.withByteOffset(upload.publicsOffset() * Sizeof.INT),
          program.withByteOffset(upload.challengesOffset() * Sizeof.INT),
          program.withByteOffset(upload.auxPublicsOffset() * Sizeof.INT),
          program.withByteOffset(upload.alphaOffset() * Sizeof.INT), selectors, points, registers, dst);
      staging.download(dst, out, out.length);
      return out;
    });
  }

  // ---- device-level steps (context bound, lock held); also used by the GPU benchmarks ----

  /** in (width x 2^logHeight, natural) -> out (width x 2^(logHeight+logBlowup), bit-reversed rows). */
  void ldeOnDevice(CudaKernels k, CUdeviceptr in, CUdeviceptr out, int width, int logHeight, int logBlowup,
      int shift) {
    int logBig = logHeight + logBlowup;
    int height = 1 << logHeight;
    NttPlan plan = NttPlan.forWidth(width, k.maxSharedBytes());
    // Coefficients: inverse DIT, reading the rows bit-reversed, into the first rows of out.
    if (logHeight > 0) {
      CUdeviceptr tw = twiddles(k, logHeight, true);
      int s0 = 0;
      boolean first = true;
      for (int stages : plan.passSizes(logHeight)) {
        nttPass(k, plan, first ? in : out, out, logHeight, width, s0, stages, tw,
            first ? NTT_BITREV_SRC : 0, height, CudaKernels.nullPointer());
        s0 += stages;
        first = false;
      }
    }
    // Row j times shift^j / height as the first forward pass reads it; rows >= height read as 0.
    CUdeviceptr factors = arena.get(Slot.AUX, (long) height * Sizeof.INT);
    k.launch("powers_mont", blocks(height), 1, THREADS, 0, factors, height, shift, BabyBear.inv(height));
    if (logBig == 0) {
      cuMemcpyDtoDAsync(out, in, (long) width * Sizeof.INT, k.stream()); // one point: its own interpolant
      return;
    }
    dif(k, plan, logHeight > 0 ? out : in, out, logBig, width, height, factors);
  }

  /** Forward DIF in place (natural in, bit-reversed out) of width x 2^logN: the LDE's main step. */
  void forwardOnDevice(CudaKernels k, CUdeviceptr data, int width, int logN, NttPlan plan) {
    dif(k, plan, data, data, logN, width, 1 << logN, null);
  }

  private void dif(CudaKernels k, NttPlan plan, CUdeviceptr src, CUdeviceptr dst, int logN, int width,
      int srcRows, CUdeviceptr factors) {
    CUdeviceptr tw = twiddles(k, logN, false);
    int top = logN;
    boolean first = true;
    for (int stages : plan.passSizes(logN)) {
      int flags = NTT_DIF | (first && factors != null ? NTT_SCALE : 0);
      nttPass(k, plan, first ? src : dst, dst, logN, width, top - stages, stages, tw, flags,
          first ? srcRows : 1 << logN, first && factors != null ? factors : CudaKernels.nullPointer());
      top -= stages;
      first = false;
    }
  }

  private static void nttPass(CudaKernels k, NttPlan plan, CUdeviceptr src, CUdeviceptr dst, int logN, int width,
      int s0, int stages, CUdeviceptr tw, int flags, int srcRows, CUdeviceptr factors) {
    long groups = (1L << logN) >> stages;
    int colTiles = (width + (1 << plan.logTile()) - 1) >> plan.logTile();
    k.launch("ntt_pass", groups * colTiles, 1, plan.threads(stages), plan.sharedBytes(stages), src, dst, logN, width, s0, stages,
        plan.logTile(), tw, flags, srcRows, factors);
  }

  /** Leaves at the start of {@code tree}, each further layer right after the one below it. */
  void merkleOnDevice(CudaKernels k, CUdeviceptr tree, int logLeaves) {
    long offset = 0;
    for (int layer = 1; layer <= logLeaves; layer++) {
      int count = 1 << (logLeaves - layer);
      long childWords = (long) DIGEST << (logLeaves - layer + 1);
      CUdeviceptr children = tree.withByteOffset(offset * Sizeof.INT);
      CUdeviceptr parents = tree.withByteOffset((offset + childWords) * Sizeof.INT);
      k.launch("poseidon2_compress_layer", blocks(count), 1, Math.min(THREADS, Math.max(32, count)), 0,
          children, parents, count);
      offset += childWords;
    }
  }

  void hashRowsOnDevice(CudaKernels k, CUdeviceptr matrix, int rows, int width, CUdeviceptr digests) {
    k.launch("poseidon2_hash_rows", blocks(rows), 1, THREADS, 0, matrix, rows, width, digests);
  }

  void permuteOnDevice(CudaKernels k, CUdeviceptr states, int count) {
    k.launch("poseidon2_permute_states", blocks(count), 1, THREADS, 0, states, count);
  }

  void foldOnDevice(CudaKernels k, CUdeviceptr in, CUdeviceptr out, int logSize, int shift, int[] beta) {
    int half = 1 << (logSize - 1);
    int invTwoShift = BabyBear.inv(BabyBear.mul(2, shift));
    int wInv = BabyBear.inv(BabyBear.twoAdicGenerator(logSize));
    k.launch("fri_fold", blocks(half), 1, THREADS, 0, in, out, logSize, invTwoShift, wInv, beta[0], beta[1],
        beta[2], beta[3]);
  }

  /** The device twiddle table covering 2^log points (grown on demand, kept across calls). */
  private CUdeviceptr twiddles(CudaKernels k, int log, boolean inverse) {
    Slot slot = inverse ? Slot.INVERSE_TWIDDLES : Slot.FORWARD_TWIDDLES;
    int have = inverse ? inverseTwiddleLog : forwardTwiddleLog;
    int want = Math.max(log, Math.max(have, 1));
    CUdeviceptr table = arena.get(slot, (long) Sizeof.INT << want);
    if (want > have) {
      int root = BabyBear.twoAdicGenerator(want);
      k.launch("ntt_twiddles", blocks(1 << want), 1, THREADS, 0, table, want, inverse ? BabyBear.inv(root) : root);
      if (inverse) {
        inverseTwiddleLog = want;
      } else {
        forwardTwiddleLog = want;
      }
    }
    return table;
  }

  private static long blocks(long threads) {
    return Math.max(1, (threads + THREADS - 1) / THREADS);
  }

  /** Runs {@code task} with the lock held and the context bound, creating the kernels on first use. */
  <T> T onDevice(Function<CudaKernels, T> task) {
    for (BlockingCallGuard guard : GUARDS) {
      guard.refusal().ifPresent(why -> {
        throw new IllegalStateException("GPU work on " + why);
      });
    }
    lock.lock();
    try {
      if (kernels == null) {
        kernels = new CudaKernels(hash.permutation(), status.device());
        staging = new PinnedStaging(kernels.stream());
      }
      kernels.bind();
      return task.apply(kernels);
    } finally {
      lock.unlock();
    }
  }

  /** Device buffers held between calls, in bytes. */
  public long heldDeviceBytes() {
    lock.lock();
    try {
      return arena.heldBytes();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (kernels != null) {
        kernels.bind();
        staging.close();
        arena.releaseAll();
        kernels.close();
        kernels = null;
        staging = null;
        forwardTwiddleLog = 0;
        inverseTwiddleLog = 0;
      }
    } finally {
      lock.unlock();
    }
  }

  // ntt_pass flags (native/cuda/ntt.cuh)
  private static final int NTT_BITREV_SRC = 1;
  private static final int NTT_DIF = 2;
  private static final int NTT_SCALE = 4;
}

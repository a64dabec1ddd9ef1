package io.l2prover.app.bench;


import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.gpu.KernelBench;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.backend.CpuQuotientKernel;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.StarkProver;
import io.l2prover.zkvm.stark.verifier.StarkVerifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GPU benchmarks, one JSON object per line: the kernels on data already on the device
 * ({@link KernelBench}), plus end-to-end calls through {@link ComputeBackend} (host transfers
 * included) and whole proofs of the example AIRs against the CPU backend on the same machine,
 * whose results must be equal.
 */
public final class GpuBench {

  /** What to run: NTT sizes up to 2^maxLog rows of {@code width} columns, a proof of 2^proveLog rows. */
  public record Options(int maxLog, int width, int proveLog, boolean withCpu) {
    public static final Options DEFAULT = new Options(24, 64, 20, true);

    public Options withMaxLog(int v) {
      return new Options(v, width, proveLog, withCpu);
    }

    public Options withWidth(int v) {
      return new Options(maxLog, v, proveLog, withCpu);
    }

    public Options withProveLog(int v) {
      return new Options(maxLog, width, v, withCpu);
    }

    public Options withCpu(boolean v) {
      return new Options(maxLog, width, proveLog, v);
    }
  }

  /**
   * Probes the GPU and runs everything; returns false if a GPU result differed from the CPU's.
   *
   * @throws UserError without a usable GPU
   */
  public static boolean run(Options options, PrintStream out) {
    CudaStatus status = CudaProbe.jcuda().probe();
    if (!status.usable()) {
      throw new UserError("bench gpu needs a usable GPU: " + status.reason());
    }
    try (CudaBackend gpu = new CudaBackend(status)) {
      return new GpuBench(gpu, new CpuBackend(), out).run(options);
    }
  }

  private final CudaBackend gpu;
  private final ComputeBackend cpu;
  private final PrintStream out;
  private final SplittableRandom random = new SplittableRandom(0x6275_6e63_68L);

  private GpuBench(CudaBackend gpu, ComputeBackend cpu, PrintStream out) {
    this.gpu = gpu;
    this.cpu = cpu;
    this.out = out;
  }

  /** Runs every benchmark; returns false if a GPU result differed from the CPU's. */
  private boolean run(Options options) {
    int maxLog = options.maxLog();
    int width = options.width();
    boolean withCpu = options.withCpu();
    CudaStatus d = gpu.device();
    emit("device", "name", d.deviceName(), "compute", d.computeMajor() + "." + d.computeMinor(),
        "driver_cuda", d.driverCudaVersion());
    int[] data = randomElements(width << maxLog);
    double copyGbps = new KernelBench(gpu, this::emit, this::randomElements).run(data, maxLog, width);
    boolean equal = true;
    if (withCpu) {
      equal &= endToEndLde(Math.min(20, maxLog), width, data);
      equal &= endToEndMerkle(Math.min(22, maxLog), width, data);
    }
    equal &= quotient(options.proveLog(), withCpu);
    equal &= prove(options.proveLog(), withCpu);
    emit("summary", "copy_gbps", copyGbps, "all_equal", equal);
    return equal;
  }

  private boolean endToEndLde(int logN, int width, int[] data) {
    int[] evaluations = Arrays.copyOf(data, width << logN);
    gpu.cosetLde(evaluations, width, logN, 2, BabyBear.GENERATOR); // warm-up: buffers, twiddles
    long t0 = System.nanoTime();
    int[] onGpu = gpu.cosetLde(evaluations, width, logN, 2, BabyBear.GENERATOR);
    long t1 = System.nanoTime();
    int[] onCpu = cpu.cosetLde(evaluations, width, logN, 2, BabyBear.GENERATOR);
    long t2 = System.nanoTime();
    boolean equal = Arrays.equals(onGpu, onCpu);
    emit("lde_end_to_end", "log_n", logN, "log_blowup", 2, "width", width, "gpu_ms", (t1 - t0) / 1e6,
        "cpu_ms", (t2 - t1) / 1e6, "cpu_threads", Runtime.getRuntime().availableProcessors(), "equal", equal);
    return equal;
  }

  private boolean endToEndMerkle(int logRows, int width, int[] data) {
    int rows = 1 << logRows;
    int[] matrix = Arrays.copyOf(data, width * rows);
    MerkleTree.commit(gpu, new int[][] {matrix}, new int[] {width}, rows); // warm-up
    long t0 = System.nanoTime();
    MerkleTree onGpu = MerkleTree.commit(gpu, new int[][] {matrix}, new int[] {width}, rows);
    long t1 = System.nanoTime();
    MerkleTree onCpu = MerkleTree.commit(cpu, new int[][] {matrix}, new int[] {width}, rows);
    long t2 = System.nanoTime();
    boolean equal = onGpu.root().equals(onCpu.root());
    emit("merkle_commit_end_to_end", "log_rows", logRows, "width", width, "gpu_ms", (t1 - t0) / 1e6,
        "cpu_ms", (t2 - t1) / 1e6, "cpu_threads", Runtime.getRuntime().availableProcessors(), "equal", equal);
    return equal;
  }

  /** The memory AIR's quotient over random LDEs at 2^logRows rows (blowup 4), GPU vs CPU kernel. */
  private boolean quotient(int logRows, boolean withCpu) {
    ExampleAir air = ExampleAirs.byName("memory").orElseThrow();
    QuotientTask task = randomQuotientTask(air, logRows, 2);
    gpu.evaluateQuotient(randomQuotientTask(air, Math.min(logRows, 12), 2)); // warm-up
    long t0 = System.nanoTime();
    int[] onGpu = gpu.evaluateQuotient(task);
    long t1 = System.nanoTime();
    Object cpuMs = "skipped";
    boolean equal = true;
    if (withCpu) {
      int[] onCpu = CpuQuotientKernel.evaluate(task);
      cpuMs = (System.nanoTime() - t1) / 1e6;
      equal = Arrays.equals(onGpu, onCpu);
    }
    emit("quotient_end_to_end", "air", air.name(), "log_rows", logRows, "points", 1 << task.logQuotientSize(),
        "instructions", task.code().length / 4, "gpu_ms", (t1 - t0) / 1e6, "cpu_ms", cpuMs, "equal", equal);
    return equal;
  }

  private QuotientTask randomQuotientTask(ExampleAir air, int logRows, int logBlowup) {
    int lde = 1 << (logRows + logBlowup);
    int points = 1 << (logRows + 2);
    ConstraintProgram program = ConstraintProgram.compile(air.allConstraints());
    int aw = 4 * air.auxWidth();
    return new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(), logRows,
        logBlowup, logRows + 2, randomElements(air.preprocessedWidth() * lde), air.preprocessedWidth(),
        randomElements(air.mainWidth() * lde), air.mainWidth(), randomElements(aw * lde), aw,
        randomElements(air.publicValueCount()), randomElements(4 * air.challengeCount()),
        randomElements(4 * air.auxPublicCount()), randomElements(4 * program.constraintCount()),
        randomElements(points), randomElements(points), randomElements(points), randomElements(points));
  }

  /**
   * A whole proof of the example Fibonacci AIR on the GPU backend and on the CPU backend: the proofs must be byte-identical and
   * the GPU's must verify.
   */
  private boolean prove(int logRows, boolean withCpu) {
    ExampleAir air = ExampleAirs.byName("fibonacci").orElseThrow();
    FriParameters params = FriParameters.DEFAULT;
    int warmLog = Math.min(logRows, 12); // class loading, JIT, device buffers
    ExampleTrace warm = air.generate(warmLog, 1);
    StarkProver.unchecked(gpu).prove(ProvingKey.setup(air, warmLog, params, gpu), warm.main(), warm.publicValues());
    ExampleTrace trace = air.generate(logRows, 1);
    ProvingKey gpuKey = ProvingKey.setup(air, logRows, params, gpu);
    long t0 = System.nanoTime();
    StarkProof onGpu = StarkProver.unchecked(gpu).prove(gpuKey, trace.main(), trace.publicValues());
    long t1 = System.nanoTime();
    boolean verifies;
    try {
      new StarkVerifier(params).verify(air, gpuKey.verifyingKey(), onGpu, trace.publicValues());
      verifies = true;
    } catch (InvalidProofException e) {
      verifies = false;
    }
    Object cpuMs = "skipped";
    Object identical = "skipped";
    boolean equal = verifies;
    if (withCpu) {
      ProvingKey cpuKey = ProvingKey.setup(air, logRows, params, cpu);
      long t2 = System.nanoTime();
      StarkProof onCpu = StarkProver.unchecked(cpu).prove(cpuKey, trace.main(), trace.publicValues());
      long t3 = System.nanoTime();
      cpuMs = (t3 - t2) / 1e6;
      boolean same = Arrays.equals(ProofCodec.encode(onGpu), ProofCodec.encode(onCpu));
      identical = same;
      equal &= same;
    }
    emit("prove", "air", air.name(), "log_rows", logRows, "gpu_ms", (t1 - t0) / 1e6, "cpu_ms", cpuMs,
        "cpu_threads", Runtime.getRuntime().availableProcessors(), "proofs_identical", identical,
        "gpu_proof_verifies", verifies);
    return equal;
  }

  private int[] randomElements(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(BabyBear.P);
    }
    return values;
  }

  private void emit(String bench, Object... keyValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("bench", bench);
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    List<String> parts = new ArrayList<>();
    fields.forEach((key, value) -> parts.add("\"" + key + "\":" + json(value)));
    out.println("{" + String.join(",", parts) + "}");
    out.flush();
  }

  private static String json(Object value) {
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return String.valueOf(value);
  }
}

package io.l2prover.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.CompositeSeal;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.rv32im.ExecutionProof;
import io.l2prover.zkvm.stark.proof.ProofSizes;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code bench prove}: proves one guest run into a composite receipt and verifies it, printing one
 * JSON line: cycles, segments, prove_ms, cycles_per_s, peak_heap_bytes, receipt_bytes, verify_ms
 * (median of three verifications after a first one), security_bits, backend, the time of
 * every proof, and per table its height, committed columns, time and share of prove_ms (the
 * openings and FRI, shared by a proof's tables, are in no table's time).
 */
public final class ProveBench extends FlagRole {

  private static final String USAGE = """
      usage: bench prove [--po2 N] [--guest NAME | --elf FILE [--input FILE]] [--parts]
        --po2 N        segments of at most 2^N cycles (16..22, default 18)
        --guest NAME   a bundled guest (default sha256, about 100 thousand cycles)
        --elf FILE     another guest instead (with --input FILE)
        --parts        also print, per proof, its encoded bytes by part (leaves, siblings, values at zeta, FRI)
      Prints one JSON line; the backend is PROVER_GPU's (auto|on|off), named in its `backend` field.
      """;

  private final PrintStream out;

  private final Supplier<ComputeBackend> backend;

  /** @param backend the compute backend PROVER_GPU selects, asked for when the run starts */
  public ProveBench(PrintStream out, Supplier<ComputeBackend> backend) {
    super("prove", "bench prove", "proving speed: cycles/s, peak heap, receipt size and verify time of one guest run",
        Set.of("po2", "guest", "elf", "input"), Set.of("parts"), out);
    this.out = out;
    this.backend = backend;
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected int run(CliFlags flags) throws Exception {
    int po2 = (int) flags.longValue("po2", 18, 16, 22);
    String guest = flags.string("guest").orElse("sha256");
    byte[] elf = flags.has("elf") ? flags.readFile("elf") : Guests.bundled(guest);
    byte[] input = flags.has("input") ? flags.readFile("input") : new byte[0];
    Program program = Program.fromElf(elf);
    ComputeBackend backend = this.backend.get();
    CompositeProver prover = new CompositeProver(backend);
    ImageId image = prover.imageId(program);
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    CompositeProver.Proved proved = prover.prove(program, input, ExecutorOptions.defaults().withPo2(po2)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream()), step -> {});
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    ReceiptVerifier.strict().verify(proved.receipt(), image);
    long[] verify = new long[3];
    for (int i = 0; i < verify.length; i++) {
      long started = System.nanoTime();
      ReceiptVerifier.strict().verify(proved.receipt(), image);
      verify[i] = System.nanoTime() - started;
    }
    Arrays.sort(verify);
    long proveMillis = proved.traceMillis() + proved.proveMillis();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("guest", flags.has("elf") ? flags.required("elf") : guest);
    json.put("po2", po2);
    json.put("cycles", proved.execution().cycles());
    json.put("segments", proved.execution().segments().size());
    json.put("prove_ms", proveMillis);
    json.put("cycles_per_s", Math.round(proved.execution().cycles() * 1000.0 / Math.max(proveMillis, 1)));
    json.put("peak_heap_bytes", peakHeap);
    json.put("receipt_bytes", ReceiptFile.encode(proved.receipt()).length);
    json.put("verify_ms", verify[1] / 1_000_000);
    json.put("security_bits", Double.parseDouble(String.format(Locale.ROOT, "%.1f", proved.security().minimumBits())));
    json.put("backend", backend.name());
    json.put("proofs", proved.steps().stream().map(s -> Map.of("what", s.what(), "log_rows", s.logRows(), "ms",
        s.millis())).toList());
    json.put("tables", proved.steps().stream().flatMap(s -> s.tables().stream().map(t -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("proof", s.what());
      row.put("table", t.name());
      row.put("log_rows", t.logRows());
      row.put("columns", t.columns());
      row.put("ms", t.millis());
      row.put("share", Math.round(1000.0 * t.millis() / Math.max(proveMillis, 1)) / 1000.0);
      return row;
    })).toList());
    if (flags.has("parts")) {
      ExecutionProof proofs = CompositeSeal.decode(proved.receipt().seal().toArray()).proof();
      List<Map<String, Object>> parts = new ArrayList<>();
      for (int k = 0; k < proofs.segments().size(); k++) {
        parts.add(Map.of("what", "segment " + (k + 1), "bytes", ProofSizes.of(proofs.segments().get(k))));
      }
      parts.add(Map.of("what", "memory", "bytes", ProofSizes.of(proofs.memory())));
      json.put("parts", parts);
    }
    out.println(new ObjectMapper().writeValueAsString(json));
    return 0;
  }
}

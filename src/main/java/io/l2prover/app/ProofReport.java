package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;

/** What the proving commands print: a line per finished proof, then what the receipt cost. */
final class ProofReport {

  private ProofReport() {}

  static Consumer<CompositeProver.Step> progress(PrintStream out) {
    return step -> out.printf(Locale.ROOT, "  %-10s 2^%d rows  %8.1f s%n", step.what(), step.logRows(),
        step.millis() / 1000.0);
  }

  /** Writes the receipt file (when {@code path} is set) and prints the figures. */
  static void finish(PrintStream out, String command, CompositeProver.Proved proved, Path path) {
    byte[] file = ReceiptFile.encode(proved.receipt());
    if (path != null) {
      try {
        AtomicFileWriter.durable().write(path, file);
      } catch (IOException e) {
        throw new UserError(command + ": cannot write the receipt to " + path + ": " + e.getMessage());
      }
    }
    ExecutionResult run = proved.execution();
    double seconds = (proved.traceMillis() + proved.proveMillis()) / 1000.0;
    out.printf(Locale.ROOT, "cycles: %d in %d segments%n", run.cycles(), run.segments().size());
    out.printf(Locale.ROOT, "time: %.1f s (trace %.1f s, proofs %.1f s), %.0f cycles/s%n", seconds,
        proved.traceMillis() / 1000.0, proved.proveMillis() / 1000.0, run.cycles() / Math.max(seconds, 1e-3));
    out.printf(Locale.ROOT, "receipt: %s%d bytes, %.1f bits of conjectured security%n",
        path == null ? "" : path + ", ", file.length, proved.security().minimumBits());
    out.printf("exit code: %d%njournal: 0x%s%n", run.exitCode(), HexFormat.of().formatHex(run.journal()));
  }

  /**
   * One JSON line of what proving a block cost: gas, cycles, seconds (trace and proofs), gas/s,
   * cycles/s, seconds per segment (all of it over the segments), each segment's own proof time
   * after the shared phase 1 and the memory proof's, receipt bytes, conjectured security bits and
   * the backend.
   */
  static String json(CompositeProver.Proved proved, long gas, long txs, int po2, String backend) {
    ExecutionResult run = proved.execution();
    double seconds = (proved.traceMillis() + proved.proveMillis()) / 1000.0;
    List<Double> segmentSeconds = proved.steps().stream().filter(step -> !step.what().equals("memory"))
        .map(step -> step.millis() / 1000.0).toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("gas", gas);
    json.put("txs", txs);
    json.put("cycles", run.cycles());
    json.put("po2", po2);
    json.put("segments", run.segments().size());
    json.put("seconds", round(seconds));
    json.put("gas_per_s", round(gas / Math.max(seconds, 1e-3)));
    json.put("cycles_per_s", round(run.cycles() / Math.max(seconds, 1e-3)));
    json.put("seconds_per_segment", round(seconds / Math.max(run.segments().size(), 1)));
    json.put("segment_seconds", segmentSeconds.stream().map(ProofReport::round).toList());
    json.put("memory_seconds", round(proved.steps().stream().filter(step -> step.what().equals("memory"))
        .mapToLong(CompositeProver.Step::millis).sum() / 1000.0));
    json.put("receipt_bytes", ReceiptFile.encode(proved.receipt()).length);
    json.put("security_bits", round(proved.security().minimumBits()));
    json.put("backend", backend);
    return new JsonObject(json).encode();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

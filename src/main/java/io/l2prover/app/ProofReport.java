package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ReceiptFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;
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
}

package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.witness.BlockJournal;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code block prove}: proves block N with the block guest into a composite receipt and checks
 * the proven journal against the block (hashes, state roots, number, gas, transactions).
 */
final class BlockProof {

  private final PrintStream out;
  private final Map<String, String> environment;

  private final BackendSelector selector;

  BlockProof(PrintStream out, Map<String, String> environment, BackendSelector selector) {
    this.out = out;
    this.environment = environment;
    this.selector = selector;
  }

  int run(CliFlags flags) {
    // With --json, stdout holds only the JSON line (make perf_gpu); the log goes to stderr as always.
    PrintStream out = flags.has("json") ? new PrintStream(OutputStream.nullOutputStream()) : this.out;
    ProverConfig config = ProverConfig.from(ConfigLoader.defaultsAndEnvironment(environment), environment);
    // Before the chain is read: PROVER_GPU=on without a usable GPU stops at once, as do segments it cannot hold.
    var backend = Services.computeBackend(config, selector);
    Program guest = Program.fromElf(Guests.bundled("block"));
    int po2 = SegmentSizing.choose((int) flags.longValue("po2", config.segmentPo2(), ExecutorOptions.MIN_PO2,
        ExecutorOptions.MAX_PO2), flags.has("po2") || environment.containsKey(ExecuteRole.PO2_ENV), backend, guest);
    BlockCandidate block = BlockCandidate.load(flags);
    if (block.candidate().rejection().isPresent()) {
      throw new UserError("block prove: block " + block.number() + " is not valid, there is nothing to prove: "
          + block.candidate().rejection().get().getMessage());
    }
    out.printf("proving block %d with the block guest, segments of at most 2^%d cycles, on the %s backend%n",
        block.number(), po2, backend.name());
    CompositeProver.Proved proved;
    try {
      proved = new CompositeProver(backend).prove(guest,
          GuestInputEncoder.encode(block.candidate().input()), ExecutorOptions.defaults().withPo2(po2),
          ProofReport.progress(out));
    } catch (GuestFault e) {
      throw new UserError("block prove: the block guest faulted on block " + block.number() + ": " + e.getMessage(),
          ProveRole.EXIT_UNPROVABLE);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserError("block prove: this run cannot be proven: " + e.getMessage(), ProveRole.EXIT_UNPROVABLE);
    }
    if (proved.execution().exitCode() != 0) {
      throw new UserError("block prove: the block guest rejected block " + block.number() + " (exit "
          + proved.execution().exitCode() + "): " + new String(proved.execution().stderr(), StandardCharsets.UTF_8).trim());
    }
    BlockJournal journal = BlockJournal.decode(proved.execution().journal());
    if (!journal.equals(block.candidate().expectedJournal())) {
      throw new UserError("block prove: the proven journal " + journal + " does not match block " + block.number()
          + ": expected " + block.candidate().expectedJournal());
    }
    ProofReport.finish(out, "block prove", proved, flags.string("out").map(Path::of).orElse(null));
    if (flags.has("json")) {
      this.out.println(ProofReport.json(proved, journal.gasUsed(), journal.txCount(), po2, backend.name()));
    }
    out.printf("block %d %s proven: state root %s (parent %s), %d transactions, %d gas%n", block.number(),
        journal.blockHash(), journal.newStateRoot(), journal.parentStateRoot(), journal.txCount(), journal.gasUsed());
    return 0;
  }
}

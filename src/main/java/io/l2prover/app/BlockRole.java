package io.l2prover.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.CommandGroup;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisJson;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.witness.BlockJournal;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.chain.witness.ProvableChain;
import io.l2prover.guest.BlockGuestPhases;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.Guests;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code block execute}, {@code block prove} ({@link BlockProof}), {@code block test} ({@link BlockTest}) and
 * {@code block profile} ({@link BlockProfile}): {@code execute} builds block
 * N's guest input from a genesis and a chain file, runs the block guest in the executor (no proof), checks its journal against the header and prints the
 * result. A block the guest rejects is reported with the guest's reason and exit code 1.
 */
public final class BlockRole extends CommandGroup {

  private static final String USAGE = String.join("\n",
      "usage: java -jar l2-prover.jar block execute --genesis FILE --chain FILE --number N",
      "                                             [--summary FILE] [--po2 N] [--precompiles on|off] [--json]",
      "  --genesis FILE   genesis JSON (geth/ethrex format)",
      "  --chain FILE     blocks as concatenated RLP (l2-loadtest.rlp, chain generate's chain.rlp)",
      "  --number N       the block to execute; blocks 1..N-1 are validated in Java first",
      "  --summary FILE   write block_number, block_hash, parent_state_root, state_root, gas_used,",
      "                   tx_count, cycles, cycles_by_phase, seconds, gas_per_second as JSON",
      "  --po2 N          executor segments of at most 2^N cycles (default " + ExecutorOptions.DEFAULT_PO2 + ")",
      "  --json           print only one JSON line: block, txs, gas, cycles, seconds, gas_per_s, mips",
      "  --precompiles on|off  the zkVM's keccak and secp256k1 calls (default on); off, the guest takes its",
      "                   software paths",
      "",
      "usage: java -jar l2-prover.jar block test --fixtures DIR [--filter NAME] [--sample N] [--max-cycles N]",
      "  runs every ethereum/tests blockchain test under DIR through the block guest in the executor",
      "  (witness-recording run, then the run on the recorded witness), prints passed/failed/skipped",
      "  per category and exits 1 when a test failed; --sample N takes every Nth file only;",
      "  --max-cycles N skips a test whose block runs longer",
      "",
      "usage: java -jar l2-prover.jar block profile (--genesis FILE --chain FILE --number N | --fixtures DIR",
      "                                             [--filter NAME] [--sample N] [--max-cycles N])",
      "                                             [--top K] [--precompiles on|off]",
      "  the EVM opcodes that take the most cycles, exact: count, cycles, share and cycles per",
      "  execution of the top K (default " + BlockProfile.DEFAULT_TOP + "), on the run a prover makes of block N",
      "  (on its recorded witness) or of every block of the selected fixtures; the guest is not changed",
      "",
      "usage: java -jar l2-prover.jar block prove --genesis FILE --chain FILE --number N [--po2 N] [--out RECEIPT]",
      "                                           [--json]",
      "  proves block N with the block guest into a composite receipt and checks the proven journal",
      "  against the block; --po2 defaults to PROVER_SEGMENT_PO2; the backend is PROVER_GPU's",
      "  --json           print only one JSON line: gas, txs, cycles, po2, segments, seconds, gas_per_s,",
      "                   cycles_per_s, seconds_per_segment, segment_seconds, memory_seconds,",
      "                   receipt_bytes, security_bits, backend",
      "");

  public BlockRole() {
    this(System.out, System.err);
  }

  BlockRole(PrintStream out, PrintStream err) {
    this(out, err, System.getenv(), BackendSelector.standard());
  }

  /** @param selector chooses {@code block prove}'s compute backend from PROVER_GPU in {@code environment} */
  BlockRole(PrintStream out, PrintStream err, Map<String, String> environment, BackendSelector selector) {
    super("block", List.of(command("block", "execute", Set.of("genesis", "chain", "number", "summary", "po2",
        "precompiles"), Set.of("json"), USAGE, out, new Execution(out, err)::run), command("block", "prove",
        Set.of("genesis", "chain", "number", "po2", "out"), Set.of("json"), USAGE, out,
        new BlockProof(out, environment, selector)::run), command("block", "test",
        Set.of("fixtures", "filter", "sample", "max-cycles"), Set.of(), USAGE, out, new BlockTest(out)::run),
        command("block", "profile",
        Set.of("genesis", "chain", "number", "precompiles", "top", "fixtures", "filter", "sample", "max-cycles"),
        Set.of(), USAGE, out, new BlockProfile(out)::run)), out);
  }

  @Override
  public String summary() {
    return "run or prove the block guest on block N of a chain (execute|prove --genesis G --chain C --number N),"
        + " or on ethereum/tests fixtures (test --fixtures DIR); profile its EVM opcodes (profile ...)";
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected String unknownCommand(String word) {
    return "unknown block command '" + word + "' (use execute, prove, test or profile)";
  }

  /** As the group runs it, without checked exceptions: {@code block execute} throws none. */
  @Override
  public int run(String[] args) {
    try {
      return super.run(args);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("block: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> summary(BlockJournal journal, ExecutionResult result) {
    double seconds = result.nanos() / 1e9;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("block_number", journal.blockNumber());
    json.put("block_hash", journal.blockHash().toHex());
    json.put("parent_state_root", journal.parentStateRoot().toHex());
    json.put("state_root", journal.newStateRoot().toHex());
    json.put("gas_used", journal.gasUsed());
    json.put("tx_count", journal.txCount());
    json.put("cycles", result.cycles());
    json.put("cycles_by_phase", BlockGuestPhases.cyclesByPhase(result));
    json.put("segments", result.segments().size());
    json.put("seconds", seconds);
    json.put("gas_per_second", seconds == 0 ? 0 : journal.gasUsed() / seconds);
    json.put("cycles_per_tx", journal.txCount() == 0 ? 0 : result.cycles() / journal.txCount());
    return json;
  }

  /** E.g. {@code cycles by phase: decode 55418934 (2.6%), sender_recovery ... }. */
  static String phaseLine(Map<String, Long> phases, long total) {
    StringBuilder line = new StringBuilder("cycles by phase:");
    String separator = " ";
    for (Map.Entry<String, Long> phase : phases.entrySet()) {
      line.append(separator).append(phase.getKey()).append(' ').append(phase.getValue())
          .append(String.format(Locale.ROOT, " (%.1f%%)", total == 0 ? 0.0 : 100.0 * phase.getValue() / total));
      separator = ", ";
    }
    return line.toString();
  }

  private static void writeSummary(Path path, Map<String, Object> summary) {
    try {
      Files.writeString(path, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
    } catch (IOException e) {
      throw new UserError("block execute: cannot write --summary " + path + ": " + e.getMessage());
    }
  }

  /** {@code block execute}: builds the input, runs the guest, checks the journal. */
  private static final class Execution {

    private final PrintStream out;
    private final PrintStream err;

    Execution(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    int run(CliFlags flags) {
      int po2 = (int) flags.longValue("po2", ExecutorOptions.DEFAULT_PO2, ExecutorOptions.MIN_PO2, ExecutorOptions.MAX_PO2);
      String precompiles = flags.string("precompiles").orElse("on");
      if (!precompiles.equals("on") && !precompiles.equals("off")) {
        throw new UserError("block execute: --precompiles must be on or off, not " + precompiles, UserError.EXIT_USAGE);
      }
      BlockCandidate block = BlockCandidate.load(flags);
      ExecutorOptions options = ExecutorOptions.defaults().withPo2(po2).withPrecompiles(precompiles.equals("on"));
      return execute(block.candidate(), block.number(), options, flags.string("summary").map(Path::of).orElse(null),
          flags.has("json"));
    }

    private int execute(ProvableChain.CandidateInput candidate, int number, ExecutorOptions options, Path summaryFile,
        boolean json) {
      byte[] input = GuestInputEncoder.encode(candidate.input());
      ExecutionResult result;
      try {
        result = Executor.run(Guests.bundled("block"), input, options);
      } catch (GuestFault e) {
        throw new UserError("the block guest faulted on block " + number + ": " + e.getMessage(), ExecuteRole.EXIT_GUEST_FAULT);
      }
      String guestError = new String(result.stderr(), StandardCharsets.UTF_8).trim();
      if (result.exitCode() != 0) {
        err.printf("block %d rejected by the block guest (exit %d): %s%n", number, result.exitCode(), guestError);
        if (candidate.rejection().isEmpty()) {
          err.printf("the Java validator accepts block %d: one of the two implementations is wrong%n", number);
        }
        return 1;
      }
      if (candidate.rejection().isPresent()) {
        throw new UserError("the block guest accepted block " + number + ", which the Java validator rejects: "
            + candidate.rejection().get().getMessage());
      }
      BlockJournal journal = BlockJournal.decode(result.journal());
      if (!journal.equals(candidate.expectedJournal())) {
        throw new UserError("the block guest's journal " + journal + " does not match block " + number
            + ": expected " + candidate.expectedJournal());
      }
      double seconds = result.nanos() / 1e9;
      if (summaryFile != null) {
        writeSummary(summaryFile, BlockRole.summary(journal, result));
      }
      if (json) {
        out.println(new JsonObject().put("block", number).put("txs", journal.txCount()).put("gas", journal.gasUsed())
            .put("cycles", result.cycles()).put("seconds", Math.round(seconds * 1000) / 1000.0)
            .put("gas_per_s", seconds == 0 ? 0 : Math.round(journal.gasUsed() / seconds))
            .put("mips", Math.round(result.mips() * 10) / 10.0).encode());
        return 0;
      }
      out.printf("block %d %s: valid; state root %s (parent %s), %d transactions, %d gas%n", number,
          journal.blockHash(), journal.newStateRoot(), journal.parentStateRoot(), journal.txCount(), journal.gasUsed());
      out.printf("%d cycles (%d per transaction) in %.2f s: %.1f MIPS, %.0f gas/s%n", result.cycles(),
          journal.txCount() == 0 ? 0 : result.cycles() / journal.txCount(), seconds, result.mips(),
          seconds == 0 ? 0 : journal.gasUsed() / seconds);
      out.println(phaseLine(BlockGuestPhases.cyclesByPhase(result), result.cycles()));
      return 0;
    }
  }
}

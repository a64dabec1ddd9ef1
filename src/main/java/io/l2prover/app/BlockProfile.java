package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.fixtures.FixtureReport;
import io.l2prover.chain.fixtures.TestOutcome;
import io.l2prover.chain.witness.BlockJournal;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.chain.witness.ProvableChain;
import io.l2prover.guest.EvmDispatch;
import io.l2prover.guest.EvmOpcodeProfiler;
import io.l2prover.guest.EvmProfile;
import io.l2prover.guest.EvmProfilingGuestRunner;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code block profile}: the EVM opcodes that take the most cycles, measured exactly in the
 * executor ({@link EvmOpcodeProfiler}), on block N of a chain ({@code --genesis G --chain C
 * --number N}, the run a prover makes on its recorded witness) or on the prover's runs of
 * ethereum/tests fixtures ({@code --fixtures DIR}).
 */
final class BlockProfile {

  static final int DEFAULT_TOP = 20;

  private final PrintStream out;

  BlockProfile(PrintStream out) {
    this.out = out;
  }

  int run(CliFlags flags) {
    int top = (int) flags.longValue("top", DEFAULT_TOP, 1, 256);
    String precompiles = flags.string("precompiles").orElse("on");
    if (!precompiles.equals("on") && !precompiles.equals("off")) {
      throw new UserError("block profile: --precompiles must be on or off, not " + precompiles, UserError.EXIT_USAGE);
    }
    boolean fixtures = flags.has("fixtures");
    if (fixtures == flags.has("chain")) {
      throw new UserError("block profile: give either --genesis G --chain C --number N or --fixtures DIR",
          UserError.EXIT_USAGE);
    }
    byte[] elf = Guests.bundled("block");
    Program guest = Program.fromElf(elf);
    EvmOpcodeProfiler profiler = new EvmOpcodeProfiler(EvmDispatch.of(elf));
    ExecutorOptions options = ExecutorOptions.defaults().withPrecompiles(precompiles.equals("on"));
    if (fixtures) {
      EvmProfilingGuestRunner runner = new EvmProfilingGuestRunner(guest, profiler,
          options.withMaxCycles(BlockTest.maxCycles(flags)));
      FixtureReport report = BlockTest.runFixtures("block profile", flags, runner);
      out.printf(Locale.ROOT, "%d passed, %d failed, %d skipped; the prover's runs of their blocks, precompiles %s:%n",
          report.count(TestOutcome.Status.PASSED), report.count(TestOutcome.Status.FAILED),
          report.count(TestOutcome.Status.SKIPPED), precompiles);
    } else {
      BlockCandidate block = BlockCandidate.load(flags);
      runBlock(block.candidate(), block.number(), guest, options.withStepObserver(profiler), profiler);
      out.printf(Locale.ROOT, "block %d, the prover's run on its recorded witness, precompiles %s:%n", block.number(),
          precompiles);
    }
    print(profiler.profile(), top);
    return 0;
  }

  private static void runBlock(ProvableChain.CandidateInput candidate, int number, Program guest,
      ExecutorOptions options, EvmOpcodeProfiler profiler) {
    ExecutionResult result;
    try {
      result = Executor.run(guest, GuestInputEncoder.encode(candidate.input()), options);
    } catch (GuestFault e) {
      throw new UserError("the block guest faulted on block " + number + ": " + e.getMessage(),
          ExecuteRole.EXIT_GUEST_FAULT);
    }
    if (result.exitCode() != 0 || !BlockJournal.decode(result.journal()).equals(candidate.expectedJournal())) {
      throw new UserError("block " + number + " is not what the block guest computes (exit " + result.exitCode() + ": "
          + new String(result.stderr(), StandardCharsets.UTF_8).trim() + "); see block execute");
    }
    profiler.endRun(result.cycles());
  }

  /** The table: the top opcodes by cycles, the rest, and what lies outside the interpreter. */
  private void print(EvmProfile profile, int top) {
    long evm = profile.interpreterCycles();
    out.printf(Locale.ROOT, "%d cycles in %d run(s): %d in the EVM interpreter (%.1f%%, %d opcodes), %d outside it%n",
        profile.cycles(), profile.runs(), evm, percent(evm, profile.cycles()), profile.executions(),
        profile.outsideCycles());
    out.printf(Locale.ROOT, "%-14s %10s %12s %7s %7s %11s%n", "opcode", "count", "cycles", "% EVM", "% all",
        "cycles/op");
    List<EvmProfile.OpcodeCycles> rows = profile.opcodes();
    for (EvmProfile.OpcodeCycles row : rows.subList(0, Math.min(top, rows.size()))) {
      out.printf(Locale.ROOT, "%-14s %10d %12d %7.1f %7.1f %11.1f%n", row.name(), row.count(), row.cycles(),
          percent(row.cycles(), evm), percent(row.cycles(), profile.cycles()), row.perExecution());
    }
    if (rows.size() > top) {
      List<EvmProfile.OpcodeCycles> rest = rows.subList(top, rows.size());
      long count = rest.stream().mapToLong(EvmProfile.OpcodeCycles::count).sum();
      long cycles = rest.stream().mapToLong(EvmProfile.OpcodeCycles::cycles).sum();
      out.printf(Locale.ROOT, "%-14s %10d %12d %7.1f %7.1f %11.1f%n", (rows.size() - top) + " others", count, cycles,
          percent(cycles, evm), percent(cycles, profile.cycles()), count == 0 ? 0.0 : (double) cycles / count);
    }
    out.printf(Locale.ROOT, "%-14s %10s %12d %7s %7.1f%n", "outside EVM", "", profile.outsideCycles(), "",
        percent(profile.outsideCycles(), profile.cycles()));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}

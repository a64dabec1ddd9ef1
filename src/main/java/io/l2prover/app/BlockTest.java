package io.l2prover.app;

import io.l2prover.guest.ExecutorGuestRunner;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.fixtures.BlockchainTest;
import io.l2prover.chain.fixtures.FixtureFiles;
import io.l2prover.chain.fixtures.FixtureReport;
import io.l2prover.chain.fixtures.FixtureRunner;
import io.l2prover.chain.fixtures.TestOutcome;
import io.l2prover.chain.witness.GuestRunner;
import io.l2prover.zkvm.exec.ExecutorOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code block test --fixtures DIR [--filter NAME] [--sample N] [--max-cycles N]}: every ethereum/tests blockchain
 * test under DIR through the block guest in the executor ({@link FixtureRunner}), the table per
 * category, and exit 1 when a test failed.
 */
final class BlockTest {

  private final PrintStream out;

  BlockTest(PrintStream out) {
    this.out = out;
  }

  int run(CliFlags flags) {
    FixtureReport report = runFixtures("block test", flags,
        ExecutorGuestRunner.blockGuest(ExecutorOptions.defaults().withMaxCycles(maxCycles(flags))));
    report.print(out);
    return report.count(TestOutcome.Status.FAILED) == 0 ? 0 : 1;
  }

  /** {@code --max-cycles N}: a test whose block runs longer is skipped. */
  static long maxCycles(CliFlags flags) {
    return flags.longValue("max-cycles", ExecutorOptions.DEFAULT_MAX_CYCLES, 1, Long.MAX_VALUE);
  }

  /**
   * Runs the tests that {@code --fixtures DIR [--filter NAME] [--sample N] [--max-cycles N]} select
   * through {@code guest}; {@code command} names the command in errors.
   */
  static FixtureReport runFixtures(String command, CliFlags flags, GuestRunner guest) {
    Path root = Path.of(flags.required("fixtures"));
    if (!Files.isDirectory(root)) {
      throw new UserError(command + ": --fixtures " + root + " is not a folder (ethereum-tests/BlockchainTests)");
    }
    String filter = flags.string("filter").orElse("");
    int sample = (int) flags.longValue("sample", 1, 1, 1_000_000);
    FixtureRunner runner = new FixtureRunner(guest, maxCycles(flags));
    FixtureReport report = new FixtureReport();
    for (Path file : FixtureFiles.list(root, sample)) {
      String category = FixtureFiles.category(root, file);
      try {
        for (BlockchainTest test : FixtureFiles.read(file, category)) {
          if (test.name().contains(filter) || file.toString().contains(filter)) {
            report.add(category, test.name(), runner.run(test));
          }
        }
      } catch (ChainException e) {
        report.add(category, file.getFileName().toString(), new TestOutcome(TestOutcome.Status.FAILED, e.getMessage(), 0, 0));
      }
    }
    return report;
  }
}

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
    Path root = Path.of(flags.required("fixtures"));
    if (!Files.isDirectory(root)) {
      throw new UserError("block test: --fixtures " + root + " is not a folder (ethereum-tests/BlockchainTests)");
    }
    String filter = flags.string("filter").orElse("");
    int sample = (int) flags.longValue("sample", 1, 1, 1_000_000);
    long maxCycles = flags.longValue("max-cycles", ExecutorOptions.DEFAULT_MAX_CYCLES, 1, Long.MAX_VALUE);
    FixtureRunner runner = new FixtureRunner(
        ExecutorGuestRunner.blockGuest(ExecutorOptions.defaults().withMaxCycles(maxCycles)), maxCycles);
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
    report.print(out);
    return report.count(TestOutcome.Status.FAILED) == 0 ? 0 : 1;
  }
}

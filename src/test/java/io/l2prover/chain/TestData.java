package io.l2prover.chain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test data (genesis-l2.json, l2-loadtest.rlp); skips a test when absent. */
public final class TestData {

  private TestData() {}

  /** The test data directory from {@code L2PROVER_TESTDATA}, default {@code ../shared/testdata}. */
  public static Path directory() {
    String configured = System.getProperty("L2PROVER_TESTDATA", System.getenv("L2PROVER_TESTDATA"));
    return Path.of(configured != null ? configured : "../shared/testdata");
  }

  /** The file {@code name} in the test data directory; skips the calling test when it is absent. */
  public static Path require(String name) {
    Path file = directory().resolve(name);
    assumeTrue(Files.isRegularFile(file),
        () -> "test data " + file.toAbsolutePath() + " absent; set L2PROVER_TESTDATA to run this test");
    return file;
  }
}

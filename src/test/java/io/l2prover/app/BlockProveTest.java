package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.l2prover.chain.TestData;
import io.l2prover.zkvm.exec.Guests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code block prove} on block 1 of the load test (356,664 cycles, about 80 s on 2 quiet cores):
 * the proven journal matches the block and {@code verify} accepts the receipt for the bundled
 * block guest. Runs in {@code make prove-guests} ({@code -Dprove.guests=all}), not in CI.
 */
class BlockProveTest {

  @TempDir
  Path dir;

  @Test
  void blockOneOfTheLoadTestIsProvenAndVerifies() throws Exception {
    assumeTrue("all".equals(System.getProperty("prove.guests")), "set -Dprove.guests=all (make prove-guests)");
    Path receipt = dir.resolve("block1.receipt");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit = new BlockRole(print, print).run(new String[] {"prove", "--genesis",
        TestData.require("genesis-l2.json").toString(), "--chain", TestData.require("l2-loadtest.rlp").toString(),
        "--number", "1", "--po2", "18", "--out", receipt.toString()});
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("block 1 ", " proven: state root ");
    Path elf = Files.write(dir.resolve("block.elf"), Guests.bundled("block"));
    ByteArrayOutputStream verified = new ByteArrayOutputStream();
    assertThat(new VerifyRole(new PrintStream(verified, true, StandardCharsets.UTF_8))
        .run(new String[] {"--receipt", receipt.toString(), "--elf", elf.toString()})).isZero();
    assertThat(verified.toString(StandardCharsets.UTF_8)).contains("exit code: 0");
  }
}

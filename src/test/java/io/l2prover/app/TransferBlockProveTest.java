package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.Guests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated block with two signed transfers, proven end to end as a user would: {@code chain
 * generate}, then {@code block prove} (about 282,000 cycles, two segments of at most 2^18: sender
 * recovery through the mulmod256, secp256k1 and hint chips, hashing through the Keccak chip; the
 * proven journal checked against the block), then {@code verify} against the bundled block guest.
 */
class TransferBlockProveTest {

  @TempDir
  Path dir;

  @Test
  void aBlockWithTransfersIsProvenThroughThePrecompileChipsAndVerifies() throws Exception {
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    assertThat(new ChainRole(new PrintStream(generated, true, StandardCharsets.UTF_8)).run(new String[] {"generate",
        "--accounts", "4", "--blocks", "1", "--txs-per-block", "2", "--out", dir.toString()})).isZero();
    Path receipt = dir.resolve("block1.receipt");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int exit = new BlockRole(print, print).run(new String[] {"prove", "--genesis", dir.resolve("genesis.json").toString(),
        "--chain", dir.resolve("chain.rlp").toString(), "--number", "1", "--po2", "18", "--out", receipt.toString()});
    String proved = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(proved).isZero();
    assertThat(proved).contains("block 1 ", " proven: state root ", "2 transactions, 42000 gas");
    Path elf = Files.write(dir.resolve("block.elf"), Guests.bundled("block"));
    ByteArrayOutputStream verified = new ByteArrayOutputStream();
    assertThat(new VerifyRole(new PrintStream(verified, true, StandardCharsets.UTF_8))
        .run(new String[] {"--receipt", receipt.toString(), "--elf", elf.toString()})).isZero();
    assertThat(verified.toString(StandardCharsets.UTF_8)).contains("exit code: 0");
  }
}

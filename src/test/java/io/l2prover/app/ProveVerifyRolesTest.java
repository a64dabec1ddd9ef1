package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.Guests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prove}, {@code verify} and {@code image-id} on a bundled guest, honest and otherwise. */
class ProveVerifyRolesTest {

  @TempDir
  static Path dir;
  static Path hello;
  static Path receipt;
  static String proveOutput;

  @BeforeAll
  static void proveHello() throws Exception {
    hello = Files.write(dir.resolve("hello.elf"), Guests.bundled("hello"));
    receipt = dir.resolve("hello.receipt");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = new ProveRole(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of())
        .run(new String[] {"--elf", hello.toString(), "--po2", "12", "--out", receipt.toString()});
    assertThat(exit).isZero();
    proveOutput = out.toString(StandardCharsets.UTF_8);
  }

  private static String run(FlagRoleFactory role, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(role.make(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  interface FlagRoleFactory {
    io.l2prover.app.cli.Role make(PrintStream out);
  }

  @Test
  void proveReportsWhatItCost() {
    assertThat(proveOutput).contains("cycles: 2127 in 1 segments", "cycles/s", "bytes", "bits of conjectured security",
        "on the cpu backend", "segment 1", "memory", "exit code: 0", "journal: 0x");
    assertThat(receipt).exists();
  }

  @Test
  void verifyAcceptsTheReceiptForItsElfOrImageId() throws Exception {
    String byElf = run(VerifyRole::new, "--receipt", receipt.toString(), "--elf", hello.toString(),
        "--journal-out", dir.resolve("journal.bin").toString());
    assertThat(byElf).contains("exit code: 0", "journal: 0x");
    String imageId = run(ImageIdRole::new, "--elf", hello.toString()).trim();
    assertThat(run(VerifyRole::new, "--receipt", receipt.toString(), "--image-id", imageId)).isEqualTo(byElf);
    assertThat(proveOutput).contains(byElf.lines().toList().get(1));
  }

  @Test
  void verifyRejectsAnotherProgramADamagedReceiptAndBadFlagsInOneLine() throws Exception {
    Path other = Files.write(dir.resolve("loadstore.elf"), Guests.bundled("loadstore"));
    assertThatThrownBy(() -> run(VerifyRole::new, "--receipt", receipt.toString(), "--elf", other.toString()))
        .isInstanceOf(UserError.class).hasMessageContaining("rejected")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(VerifyRole.EXIT_REJECTED));
    byte[] damaged = Files.readAllBytes(receipt);
    damaged[damaged.length / 2] ^= 4;
    Path bad = Files.write(dir.resolve("bad.receipt"), damaged);
    assertThatThrownBy(() -> run(VerifyRole::new, "--receipt", bad.toString(), "--elf", hello.toString()))
        .isInstanceOf(UserError.class).hasMessageContaining("rejected");
    assertThatThrownBy(() -> run(VerifyRole::new, "--receipt", hello.toString(), "--elf", hello.toString()))
        .hasMessageContaining("not a receipt file");
    assertThatThrownBy(() -> run(VerifyRole::new, "--receipt", receipt.toString()))
        .hasMessageContaining("exactly one of --elf FILE and --image-id HEX");
    assertThatThrownBy(() -> run(VerifyRole::new, "--receipt", receipt.toString(), "--image-id", "0x12"))
        .hasMessageContaining("--image-id");
    assertThatThrownBy(() -> run(ImageIdRole::new, "--elf", receipt.toString())).isInstanceOf(UserError.class);
  }

  @Test
  void theImageIdIsTheSameInAnotherJvm() throws Exception {
    String here = run(ImageIdRole::new, "--elf", hello.toString()).trim();
    Path log = dir.resolve("image-id.log");
    RoleProcesses processes = new RoleProcesses();
    try {
      Process child = processes.start(log, Map.of(), "image-id", "--elf", hello.toString());
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).contains(here);
    } finally {
      processes.stopAll();
    }
  }
}

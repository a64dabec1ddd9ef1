package io.l2prover.zkvm.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest under {@code qemu-riscv32} (Debian qemu-user), the reference machine for
 * differential tests and speed comparisons: input on stdin, fd 3 opened to a file for the journal.
 */
public final class QemuRunner {

  /** What qemu's run produced. */
  public record Run(int exitCode, byte[] stdout, byte[] stderr, byte[] journal, long nanos) {}

  private final String executable;

  private QemuRunner(String executable) {
    this.executable = executable;
  }

  /** qemu-riscv32 from the PATH, if installed. */
  public static Optional<QemuRunner> find() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "qemu-riscv32");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new QemuRunner(candidate.toString()));
      }
    }
    return Optional.empty();
  }

  /** Runs {@code elf} with {@code input} on fd 0; fails if it takes longer than {@code timeoutSeconds}. */
  public Run run(byte[] elf, byte[] input, long timeoutSeconds) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("l2vm-qemu");
    try {
      Path elfFile = Files.write(dir.resolve("guest.elf"), elf);
      elfFile.toFile().setExecutable(true); // qemu-user, like the kernel, runs only executable files
      Path inputFile = Files.write(dir.resolve("input.bin"), input);
      Path journalFile = dir.resolve("journal.bin");
      Path outFile = dir.resolve("stdout.bin");
      Path errFile = dir.resolve("stderr.bin");
      // A shell opens fd 3 for the journal: Java's ProcessBuilder only wires fds 0-2.
      ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c",
          "exec \"$0\" \"$1\" 3>\"$2\"", executable, elfFile.toString(), journalFile.toString()))
          .redirectInput(inputFile.toFile())
          .redirectOutput(outFile.toFile())
          .redirectError(errFile.toFile());
      long started = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("qemu-riscv32 did not finish within " + timeoutSeconds + " s");
      }
      long nanos = System.nanoTime() - started;
      byte[] journal = Files.exists(journalFile) ? Files.readAllBytes(journalFile) : new byte[0];
      return new Run(process.exitValue(), Files.readAllBytes(outFile), Files.readAllBytes(errFile), journal, nanos);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}

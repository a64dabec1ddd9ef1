package io.l2prover.zkvm.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a guest under {@code qemu-riscv32} (Debian qemu-user), the reference machine for
 * differential tests and speed comparisons: input on stdin, fd 3 opened to a file for the journal.
 */
public final class QemuRunner {

  /**
   * What qemu's run produced.
   *
   * @param nanos wall-clock time, process start included
   * @param cpuNanos user + system CPU time of the qemu process (10 ms resolution)
   */
  public record Run(int exitCode, byte[] stdout, byte[] stderr, byte[] journal, long nanos, long cpuNanos) {}

  private static final Pattern SHELL_TIME = Pattern.compile("(\\d+)m([\\d.]+)s");

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

  /** The children's user + system time from the second line of the shell's `times` output; -1 if unreadable. */
  private static long childCpuNanos(Path timesFile) throws IOException {
    if (!Files.exists(timesFile)) {
      return -1;
    }
    List<String> lines = Files.readAllLines(timesFile);
    if (lines.size() < 2) {
      return -1;
    }
    Matcher m = SHELL_TIME.matcher(lines.get(1));
    double seconds = 0;
    int found = 0;
    while (m.find()) {
      seconds += Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2));
      found++;
    }
    return found == 2 ? (long) (seconds * 1e9) : -1;
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
      Path timesFile = dir.resolve("times.txt");
      // A shell opens fd 3 for the journal (Java's ProcessBuilder only wires fds 0-2) and reports
      // its child's CPU time with the `times` builtin.
      ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c",
          "\"$0\" \"$1\" 3>\"$2\"; rc=$?; times >\"$3\"; exit $rc", executable, elfFile.toString(),
          journalFile.toString(), timesFile.toString()))
          .redirectInput(inputFile.toFile())
          .redirectOutput(outFile.toFile())
          .redirectError(errFile.toFile());
      long started = System.nanoTime();
      Process process = builder.start();
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          throw new IOException("qemu-riscv32 did not finish within " + timeoutSeconds + " s");
        }
      } finally {
        // Also on interruption: a guest that loops must not outlive the caller.
        if (process.isAlive()) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
      long nanos = System.nanoTime() - started;
      byte[] journal = Files.exists(journalFile) ? Files.readAllBytes(journalFile) : new byte[0];
      return new Run(process.exitValue(), Files.readAllBytes(outFile), Files.readAllBytes(errFile), journal, nanos,
          childCpuNanos(timesFile));
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

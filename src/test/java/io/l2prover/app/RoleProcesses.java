package io.l2prover.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts roles as separate JVMs on the test classpath, with an environment of only the given
 * PROVER_* variables, their output in a log file; {@link #stopAll()} kills what is left, which
 * happens after each test when registered with {@code @RegisterExtension}.
 */
final class RoleProcesses implements AfterEachCallback {

  private static final long WAIT_MILLIS = 90_000;

  private final List<Process> processes = new ArrayList<>();

  Process start(Path log, Map<String, String> env, String... args) throws IOException {
    return start(log, env, List.of(), args);
  }

  /** As above, with options for the JVM (heap size, GC log). */
  Process start(Path log, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("PROVER_"));
    builder.environment().putAll(env);
    // The test classpath carries logback-test.xml, which reads this variable.
    builder.environment().put("L2PROVER_TEST_LOG_LEVEL", "INFO");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    stopAll();
  }

  void stopAll() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Polls {@code log} until it contains {@code text}; fails with the log if the process exits or time runs out. */
  static void awaitLine(Process process, Path log, String text) throws Exception {
    awaitMatch(process, log, Pattern.compile(Pattern.quote(text)), Duration.ofMillis(WAIT_MILLIS));
  }

  /**
   * Polls {@code log} until {@code pattern} is found in it and returns the match; fails with the
   * log if the process exits or {@code wait} runs out (proving waits are long: CI machines are slow).
   */
  static Matcher awaitMatch(Process process, Path log, Pattern pattern, Duration wait) throws Exception {
    long deadline = System.currentTimeMillis() + wait.toMillis();
    while (System.currentTimeMillis() < deadline) {
      boolean alive = process.isAlive();
      if (Files.exists(log)) {
        Matcher match = pattern.matcher(Files.readString(log));
        if (match.find()) {
          return match;
        }
      }
      if (!alive) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("'" + pattern + "' did not appear in " + log + ":\n" + Files.readString(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario with real processes configured by environment variables: a
 * server over the load-test chain and a client prove all four blocks; the client, killed with
 * SIGKILL and started again, resumes at block 5 and proves nothing twice.
 */
class ServiceProcessesTest {

  private static final long WAIT_MILLIS = 90_000;

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly().waitFor();
    }
  }

  @Test
  void serverAndClientProcessesProveTheLoadTestAndAKilledClientResumes() throws Exception {
    Path genesis = TestData.require("genesis-l2.json");
    Path chain = TestData.require("l2-loadtest.rlp");
    int port = freePort();

    Path serverLog = dir.resolve("server.log");
    Map<String, String> serverEnv = Map.of("PROVER_DEV_MODE", "true",
        "PROVER_DATA_DIR", dir.resolve("server").toString(), "PROVER_SERVER_LISTEN_PORT", String.valueOf(port));
    Process server = start(serverLog, serverEnv,
        "server", "--genesis", genesis.toAbsolutePath().toString(),
        "--chain", chain.toAbsolutePath().toString());
    awaitLine(server, serverLog, "prover server on 127.0.0.1:" + port);

    // The input-digest prover keeps this test fast; the executing one is tested on small chains.
    Map<String, String> clientEnv = Map.of("PROVER_DEV_MODE", "1", "PROVER_DEV_EXECUTE", "false",
        "PROVER_DATA_DIR", dir.resolve("client").toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port, "PROVER_CLIENT_INTERVAL_MS", "100");
    Path firstLog = dir.resolve("client-1.log");
    Process first = start(firstLog, clientEnv, "client");
    awaitLine(first, firstLog, "no block from 5 on to prove yet");
    first.destroyForcibly().waitFor();
    String firstRun = Files.readString(firstLog);
    for (int block = 1; block <= 4; block++) {
      assertThat(firstRun).contains("block " + block + ": fake receipt in");
    }

    Path secondLog = dir.resolve("client-2.log");
    Process second = start(secondLog, clientEnv, "client");
    awaitLine(second, secondLog, "no block from 5 on to prove yet");
    String secondRun = Files.readString(secondLog);
    assertThat(secondRun).contains("starting at block 5").doesNotContain("receipt in");
    assertThat(Files.readString(serverLog)).contains("4 of 4 blocks proven");
  }

  private Process start(Path log, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
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

  /** Polls {@code log} until it contains {@code text}; fails with the log if the process exits or time runs out. */
  private static void awaitLine(Process process, Path log, String text) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      boolean alive = process.isAlive();
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!alive) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("'" + text + "' did not appear in " + log + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

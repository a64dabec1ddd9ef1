package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario with real processes configured by environment variables: a
 * server over the load-test chain and a client prove all four blocks; the client, killed with
 * SIGKILL and started again, resumes at block 5 and proves nothing twice.
 */
class ServiceProcessesTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  @Test
  void serverAndClientProcessesProveTheLoadTestAndAKilledClientResumes() throws Exception {
    Path genesis = TestData.require("genesis-l2.json");
    Path chain = TestData.require("l2-loadtest.rlp");
    int port = RoleProcesses.freePort();

    Path serverLog = dir.resolve("server.log");
    Map<String, String> serverEnv = Map.of("PROVER_DEV_MODE", "true",
        "PROVER_DATA_DIR", dir.resolve("server").toString(), "PROVER_SERVER_LISTEN_PORT", String.valueOf(port));
    Process server = roles.start(serverLog, serverEnv,
        "server", "--genesis", genesis.toAbsolutePath().toString(),
        "--chain", chain.toAbsolutePath().toString());
    RoleProcesses.awaitLine(server, serverLog, "prover server on 127.0.0.1:" + port);

    // The input-digest prover keeps this test fast; the executing one is tested on small chains.
    Map<String, String> clientEnv = Map.of("PROVER_DEV_MODE", "1", "PROVER_DEV_EXECUTE", "false",
        "PROVER_DATA_DIR", dir.resolve("client").toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port, "PROVER_CLIENT_INTERVAL_MS", "100");
    Path firstLog = dir.resolve("client-1.log");
    Process first = roles.start(firstLog, clientEnv, "client");
    RoleProcesses.awaitLine(first, firstLog, "no block from 5 on to prove yet");
    first.destroyForcibly().waitFor();
    String firstRun = Files.readString(firstLog);
    for (int block = 1; block <= 4; block++) {
      assertThat(firstRun).contains("block " + block + ": fake receipt in");
    }

    Path secondLog = dir.resolve("client-2.log");
    Process second = roles.start(secondLog, clientEnv, "client");
    RoleProcesses.awaitLine(second, secondLog, "no block from 5 on to prove yet");
    String secondRun = Files.readString(secondLog);
    assertThat(secondRun).contains("starting at block 5").doesNotContain("receipt in");
    assertThat(Files.readString(serverLog)).contains("4 of 4 blocks done");
  }
}

package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes a role reports at once, before any slow step, in one line naming the setting, with
 * exit code 1 (real processes: the environment is their configuration).
 */
class RoleStartChecksTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  private String runToExit(Map<String, String> env, int expectedCode, String... args) throws Exception {
    Path log = dir.resolve("role-" + System.nanoTime() + ".log");
    Process process = roles.start(log, env, args);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the role exits").isTrue();
    String text = Files.readString(log);
    assertThat(process.exitValue()).as(text).isEqualTo(expectedCode);
    assertThat(text.lines().filter(line -> line.startsWith("error:"))).as(text).hasSize(1);
    return text;
  }

  @Test
  void aServerWithoutAGenesisFileExitsOneAsEveryConfigurationMistake() throws Exception {
    assertThat(runToExit(Map.of("PROVER_DATA_DIR", dir.toString()), 1, "server"))
        .contains("error: the server needs a genesis file: --genesis FILE or PROVER_SERVER_GENESIS");
  }

  @Test
  void aPortInUseIsReportedBeforeTheChainIsReadNamingTheSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Chain files that do not exist: the port is checked first, so their error never comes.
      String text = runToExit(Map.of("PROVER_DATA_DIR", dir.toString(),
          "PROVER_SERVER_LISTEN_PORT", String.valueOf(taken.getLocalPort())), 1,
          "server", "--genesis", dir.resolve("none.json").toString(), "--chain", dir.resolve("none.rlp").toString());
      assertThat(text).contains("error: PROVER_SERVER_LISTEN_IP:PROVER_SERVER_LISTEN_PORT: cannot listen on 127.0.0.1:"
          + taken.getLocalPort()).doesNotContain("none.json");
    }
  }

  @Test
  void aListenAddressThisHostDoesNotHaveIsReportedNamingTheSetting() throws Exception {
    String text = runToExit(Map.of("PROVER_DATA_DIR", dir.toString(), "PROVER_SERVER_LISTEN_IP", "192.0.2.1"), 1,
        "server", "--genesis", dir.resolve("none.json").toString(), "--chain", dir.resolve("none.rlp").toString());
    assertThat(text).contains("error: PROVER_SERVER_LISTEN_IP:PROVER_SERVER_LISTEN_PORT: cannot listen on 192.0.2.1:");
  }

  @Test
  void misconfiguredTlsStopsTheRoleWithOneLine() throws Exception {
    Path tls = Path.of("src", "test", "resources", "tls").toAbsolutePath();
    String halfSet = runToExit(Map.of("PROVER_DATA_DIR", dir.toString(),
        "PROVER_SERVER_TLS_CERT", tls.resolve("server.pem").toString()), 1, "server");
    assertThat(halfSet).contains("error: PROVER_SERVER_TLS_CERT and PROVER_SERVER_TLS_KEY go together");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
    String unusable = runToExit(Map.of("PROVER_DEV_MODE", "true", "PROVER_DATA_DIR", dir.toString(),
        "PROVER_CLIENT_TLS", "true", "PROVER_CLIENT_TLS_CERT", tls.resolve("client.pem").toString(),
        "PROVER_CLIENT_TLS_KEY", garbage.toString()), 1, "client");
    assertThat(unusable).contains("error: PROVER_CLIENT_TLS_*: cannot use the certificate or key");
  }

  @Test
  void aSecondClientOnTheSameDataDirectoryStopsWithOneLine() throws Exception {
    try (DataDirLock first = DataDirLock.acquire(dir, "client")) {
      String text = runToExit(Map.of("PROVER_DEV_MODE", "true", "PROVER_DATA_DIR", dir.toString()), 1, "client");
      assertThat(text).contains("error: another client is using the data directory " + dir);
    }
    // Released with its holder: the next one gets it.
    DataDirLock.acquire(dir, "client").close();
  }
}

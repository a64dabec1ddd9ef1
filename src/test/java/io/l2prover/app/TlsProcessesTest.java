package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server and clients as real processes over mutual TLS (the test PEM files of
 * src/test/resources/tls): a client with a certificate the server's CA signed proves the chain,
 * one with another CA's certificate is refused and proves nothing.
 */
class TlsProcessesTest {

  private static final Path TLS = Path.of("src", "test", "resources", "tls").toAbsolutePath();

  @TempDir
  Path dir;

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  @Test
  void aClientWithTheRightCertificateProvesOverMutualTlsAndAnotherIsRefused() throws Exception {
    Path chain = dir.resolve("chain");
    new ChainRole(new PrintStream(OutputStream.nullOutputStream())).run(new String[] {"generate", "--accounts", "4",
        "--blocks", "2", "--txs-per-block", "2", "--out", chain.toString()});
    int port = RoleProcesses.freePort();

    Path serverLog = dir.resolve("server.log");
    Process server = roles.start(serverLog, Map.of("PROVER_DEV_MODE", "true",
        "PROVER_DATA_DIR", dir.resolve("server").toString(), "PROVER_SERVER_LISTEN_PORT", String.valueOf(port),
        "PROVER_SERVER_TLS_CERT", TLS.resolve("server.pem").toString(),
        "PROVER_SERVER_TLS_KEY", TLS.resolve("server.key").toString(),
        "PROVER_SERVER_TLS_CLIENT_CA", TLS.resolve("ca.pem").toString()),
        "server", "--genesis", chain.resolve("genesis.json").toString(), "--chain", chain.resolve("chain.rlp").toString());
    RoleProcesses.awaitLine(server, serverLog, "prover server on 127.0.0.1:" + port + " (TLS; only provers");

    Path rogueLog = dir.resolve("rogue.log");
    Process rogue = roles.start(rogueLog, clientEnv(port, "rogue", "rogue-data"), "client");
    RoleProcesses.awaitLine(rogue, rogueLog, "could not request block 1");

    Path clientLog = dir.resolve("client.log");
    Process client = roles.start(clientLog, clientEnv(port, "client", "client-data"), "client");
    RoleProcesses.awaitLine(client, clientLog, "no block from 3 on to prove yet");
    assertThat(Files.readString(clientLog)).contains("(TLS): starting at block 1", "block 2: proof accepted");
    // The seconds between validating the chain and listening are said too.
    assertThat(Files.readString(serverLog)).contains("computing the block guest's image ID", "2 of 2 blocks done");
    assertThat(Files.readString(rogueLog)).contains("bad_certificate").doesNotContain("input received");
  }

  private Map<String, String> clientEnv(int port, String name, String data) {
    Map<String, String> env = new HashMap<>(Map.of("PROVER_DEV_MODE", "true", "PROVER_DEV_EXECUTE", "false",
        "PROVER_DATA_DIR", dir.resolve(data).toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port, "PROVER_CLIENT_INTERVAL_MS", "100",
        "PROVER_CLIENT_TLS", "true", "PROVER_CLIENT_TLS_CA", TLS.resolve("ca.pem").toString(),
        "PROVER_CLIENT_TLS_CERT", TLS.resolve(name + ".pem").toString(),
        "PROVER_CLIENT_TLS_KEY", TLS.resolve(name + ".key").toString()));
    env.put("PROVER_CLIENT_BACKOFF_MAX_MS", "500");
    return env;
  }
}

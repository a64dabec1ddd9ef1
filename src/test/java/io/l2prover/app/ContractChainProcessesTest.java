package io.l2prover.app;

import io.l2prover.guest.ExecutorGuestRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.gen.ContractChainGenerator;
import io.l2prover.chain.gen.GeneratorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain with contract blocks (deployments, ERC-20 transfers, storage writes) proven end to end
 * in dev mode by a server and a client in separate processes: the server validates the blocks
 * through the block guest and serves their recorded execution witnesses, the client runs the
 * block guest on each (the executing dev prover), and the server checks every journal.
 */
class ContractChainProcessesTest {

  @TempDir
  Path dir;

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  @Test
  void serverAndClientProcessesProveAContractChain() throws Exception {
    Path chainDir = dir.resolve("chain");
    ContractChainGenerator.generate(GeneratorSpec.of(4, 3, 3), ExecutorGuestRunner.blockGuest())
        .chain().write(chainDir);
    int port = RoleProcesses.freePort();

    Path serverLog = dir.resolve("server.log");
    Map<String, String> serverEnv = Map.of("PROVER_DEV_MODE", "true",
        "PROVER_DATA_DIR", dir.resolve("server").toString(), "PROVER_SERVER_LISTEN_PORT", String.valueOf(port));
    Process server = roles.start(serverLog, serverEnv, "server",
        "--genesis", chainDir.resolve("genesis.json").toString(), "--chain", chainDir.resolve("chain.rlp").toString());
    RoleProcesses.awaitLine(server, serverLog, "prover server on 127.0.0.1:" + port);

    Map<String, String> clientEnv = Map.of("PROVER_DEV_MODE", "1", "PROVER_DEV_EXECUTE", "true",
        "PROVER_DATA_DIR", dir.resolve("client").toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port, "PROVER_CLIENT_INTERVAL_MS", "100");
    Path clientLog = dir.resolve("client.log");
    Process client = roles.start(clientLog, clientEnv, "client");
    RoleProcesses.awaitLine(client, clientLog, "no block from 4 on to prove yet");
    String run = Files.readString(clientLog);
    for (int block = 1; block <= 3; block++) {
      assertThat(run).contains("block " + block + ": fake receipt in");
    }
    RoleProcesses.awaitLine(server, serverLog, "3 of 3 blocks done");
  }
}

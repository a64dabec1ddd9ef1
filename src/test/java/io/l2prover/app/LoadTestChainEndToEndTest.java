package io.l2prover.app;

import static io.l2prover.client.ProgressFixtures.acknowledged;
import static io.l2prover.client.ProgressFixtures.recordProgress;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import io.l2prover.client.Backoff;
import io.l2prover.client.ClientSettings;
import io.l2prover.client.ProgressEvent;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.ProverServerVerticle;
import io.l2prover.server.ServerSettings;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over the real load-test chain, server and client in separate Vert.x instances (as
 * separate processes would be): all four blocks proven in dev mode, a killed client restarts at
 * block 5 without proving anything again, a restarted server still knows all four proofs.
 */
class LoadTestChainEndToEndTest {

  private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();

  @TempDir
  Path serverDir;
  @TempDir
  Path clientDir;

  @Test
  void provesTheLoadTestChainAndSurvivesRestarts() throws Exception {
    ProvableChainSource chain = ChainFiles.load(TestData.require("genesis-l2.json"),
        TestData.require("l2-loadtest.rlp"));
    assertThat(chain.headBlockNumber()).isEqualTo(4);

    Vertx serverVertx = vertx();
    ProverServerVerticle server = deployServer(serverVertx, chain);
    int port = server.actualPort();

    Vertx client = vertx();
    List<ProgressEvent> firstRun = recordProgress(client);
    CompletableFuture<Void> allProven = acknowledged(client, 4);
    deployClient(client, port);
    allProven.get(60, TimeUnit.SECONDS);
    assertThat(firstRun).filteredOn(e -> e.phase() == ProgressEvent.Phase.PROVED)
        .extracting(ProgressEvent::blockNumber).containsExactly(1L, 2L, 3L, 4L);
    client.close().await(10, TimeUnit.SECONDS);

    Vertx restarted = vertx();
    List<ProgressEvent> secondRun = recordProgress(restarted);
    deployClient(restarted, port);
    for (int i = 0; i < 500 && secondRun.isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertThat(secondRun).isNotEmpty();
    assertThat(secondRun.get(0)).extracting(ProgressEvent::blockNumber, ProgressEvent::phase)
        .containsExactly(5L, ProgressEvent.Phase.IDLE);
    restarted.close().await(10, TimeUnit.SECONDS);
    assertThat(secondRun).noneMatch(e -> e.phase() == ProgressEvent.Phase.PROVED);

    serverVertx.close().await(10, TimeUnit.SECONDS);
    Vertx serverAgain = vertx();
    try {
      assertThat(deployServer(serverAgain, chain).provenCount()).isEqualTo(4);
    } finally {
      serverAgain.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static Vertx vertx() {
    Vertx vertx = Vertx.vertx();
    Services.registerCodecs(vertx.eventBus());
    return vertx;
  }

  private ProverServerVerticle deployServer(Vertx vertx, ProvableChainSource chain) throws Exception {
    return Services.deployServer(vertx, serverDir, new ServerSettings("127.0.0.1", 0, true, LIMITS), chain)
        .await(10, TimeUnit.SECONDS);
  }

  private void deployClient(Vertx vertx, int port) throws Exception {
    ClientSettings settings = new ClientSettings("127.0.0.1", port, Duration.ofMillis(50),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), 3, Duration.ofSeconds(30), LIMITS);
    Services.deployClient(vertx, clientDir, 1, settings,
        new ProvingEngine(new DevProver(), new CpuBackend())).await(10, TimeUnit.SECONDS);
  }
}

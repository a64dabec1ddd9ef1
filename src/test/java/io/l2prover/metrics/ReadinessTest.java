package io.l2prover.metrics;

import static io.l2prover.metrics.HealthFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.health.HealthCheck;
import io.l2prover.server.ProofStore;
import io.l2prover.state.StatePersisterVerticle;
import io.l2prover.util.AtomicFileWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /health reports each part of a role and answers 503 with the reason when one is down; liveness stays up. */
@ExtendWith(VertxExtension.class)
class ReadinessTest {

  @TempDir
  Path dir;

  private int deploy(Vertx vertx, HealthCheck... checks) throws Exception {
    MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0, Optional.of("cpu"), List.of(checks));
    vertx.deployVerticle(metrics).await(5, TimeUnit.SECONDS);
    return metrics.actualPort();
  }

  @Test
  void aCorruptStateFileMakesTheClientNotReady(Vertx vertx) throws Exception {
    int port = deploy(vertx, HealthCheck.fixed("backend", "cpu"), StatePersisterVerticle.health(dir));

    HealthFixtures.Answer ready = get(vertx, port, "/health");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().getString("status")).isEqualTo("UP");
    assertThat(ready.body().getString("backend")).isEqualTo("cpu");
    assertThat(ready.body().getJsonObject("checks").getJsonObject("state_file").getString("status")).isEqualTo("UP");

    Files.writeString(dir.resolve(StatePersisterVerticle.FILE_NAME), "{\"block_header\": ");
    HealthFixtures.Answer broken = get(vertx, port, "/health");
    assertThat(broken.status()).isEqualTo(503);
    assertThat(broken.body().getString("status")).isEqualTo("DOWN");
    assertThat(broken.body().getString("reason")).startsWith("state_file: ").contains("prover_state.json", "corrupt");
    assertThat(broken.body().getJsonObject("checks").getJsonObject("backend").getString("status")).isEqualTo("UP");

    HealthFixtures.Answer live = get(vertx, port, "/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body().getString("status")).isEqualTo("UP");
  }

  @Test
  void theServerIsReadyOnceItsStoreIsLoaded(Vertx vertx) throws Exception {
    ProofStore store = new ProofStore(dir, AtomicFileWriter.durable());
    int port = deploy(vertx, store.health());
    HealthFixtures.Answer before = get(vertx, port, "/health");
    assertThat(before.status()).isEqualTo(503);
    assertThat(before.body().getString("reason")).startsWith("server_store: ").contains("chain.json");

    store.open("1729:0xabc");
    assertThat(get(vertx, port, "/health").status()).isEqualTo(200);
  }

  @Test
  void aCheckThatFailsOrThrowsIsDownWithItsMessage(Vertx vertx) throws Exception {
    int port = deploy(vertx,
        HealthCheck.of("failing", v -> Future.failedFuture("no answer")),
        HealthCheck.of("throwing", v -> {
          throw new IllegalStateException("broken check");
        }));
    HealthFixtures.Answer answer = get(vertx, port, "/health");
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body().getString("reason")).isEqualTo("failing: no answer; throwing: broken check");
  }
}

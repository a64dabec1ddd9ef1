package io.l2prover.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.app.Services;
import io.l2prover.bus.Addresses;
import io.l2prover.client.ProgressEvent;
import io.l2prover.client.ProgressEvent.Phase;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.protocol.JsonValueFramer;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolServer;
import io.l2prover.server.SubmitOutcome;
import io.l2prover.server.SubmitRejection;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /health and /metrics over HTTP, fed by real events and a real protocol server. */
@ExtendWith(VertxExtension.class)
class MetricsVerticleTest {

  @Test
  void servesHealthAndCountsProgress(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0);
    vertx.deployVerticle(metrics).await(5, TimeUnit.SECONDS);
    vertx.eventBus().publish(Addresses.PROGRESS, new ProgressEvent(7, Phase.PROVED, 1500, "fake"));
    vertx.eventBus().publish(Addresses.PROGRESS, new ProgressEvent(7, Phase.ACKNOWLEDGED, 1600, ""));
    vertx.eventBus().publish(Addresses.PROGRESS, new ProgressEvent(8, Phase.RETRY, 10, "refused"));
    vertx.eventBus().publish(Addresses.SERVER_SUBMITS, SubmitOutcome.accepted(7, 3, "fake"));
    vertx.eventBus().publish(Addresses.SERVER_SUBMITS,
        SubmitOutcome.rejected(8, SubmitRejection.JOURNAL_MISMATCH, "wrong journal"));
    vertx.eventBus().publish(Addresses.SERVER_SUBMITS,
        SubmitOutcome.rejected(8, SubmitRejection.FAKE_REFUSED, "fake"));
    vertx.eventBus().publish(Addresses.SERVER_SUBMITS,
        SubmitOutcome.rejected(9, SubmitRejection.JOURNAL_MISMATCH, "wrong journal"));
    vertx.eventBus().publish(Addresses.DEVICE_CHECK_FAILURES, new io.vertx.core.json.JsonObject().put("segment", 2));
    vertx.eventBus().publish(Addresses.SEGMENTS, new io.vertx.core.json.JsonObject().put("source", "checkpoint"));
    vertx.eventBus().publish(Addresses.SEGMENTS, new io.vertx.core.json.JsonObject().put("source", "worker")
        .put("millis", 2500).put("cycles_per_second", 400.0));

    var client = vertx.createHttpClient();
    String health = get(client, metrics.actualPort(), "/health");
    assertThat(health).isEqualTo("{\"status\":\"UP\"}");
    String text = "";
    for (int i = 0; i < 100 && !text.contains("l2prover_proving_cycles_per_second 400.0"); i++) {
      text = get(client, metrics.actualPort(), "/metrics");
    }
    assertThat(text).contains("l2prover_blocks_proven_total 1\n", "l2prover_proving_seconds_total 1.5\n",
        "l2prover_failures_total 1\n", "l2prover_last_proven_block 7\n", "# TYPE l2prover_blocks_proven_total counter",
        "l2prover_server_proofs_accepted_total 1\n", "# TYPE l2prover_server_submits_rejected_total counter\n",
        "l2prover_server_submits_rejected_total{reason=\"journal_mismatch\"} 2\n",
        "l2prover_server_submits_rejected_total{reason=\"fake_refused\"} 1\n",
        "l2prover_server_submits_rejected_total{reason=\"invalid_proof\"} 0\n",
        "l2prover_segments_proven_total 1\n", "l2prover_segments_from_checkpoints_total 1\n",
        "# TYPE l2prover_segments_failed_device_check_total counter\n", "l2prover_segments_failed_device_check_total 1\n",
        "l2prover_segment_seconds_sum 2.5\n", "l2prover_segment_seconds_count 1\n",
        "l2prover_proving_cycles_per_second 400.0\n");
    // A process that does not prove names no backend.
    assertThat(text).doesNotContain("l2prover_backend");
  }

  @Test
  void namesTheProvingBackend(Vertx vertx) throws Exception {
    MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0, java.util.Optional.of("cuda"));
    vertx.deployVerticle(metrics).await(5, TimeUnit.SECONDS);
    var client = vertx.createHttpClient();
    assertThat(get(client, metrics.actualPort(), "/health")).isEqualTo("{\"status\":\"UP\",\"backend\":\"cuda\"}");
    assertThat(get(client, metrics.actualPort(), "/metrics")).startsWith(
        "# HELP l2prover_backend The compute backend chosen at start for proving.\n"
        + "# TYPE l2prover_backend gauge\n"
        + "l2prover_backend{name=\"cuda\"} 1\n");
  }

  @Test
  void countsTheConnectionsAProverServerRefuses(Vertx vertx) throws Exception {
    ConnectionStats stats = new ConnectionStats();
    ProtocolLimits oneSlot = new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofSeconds(60), 1);
    CountDownLatch handling = new CountDownLatch(1);
    ProtocolServer server = new ProtocolServer(vertx, oneSlot, stats, message -> {
      handling.countDown();
      return Promise.<ProofData>promise().future();
    });
    server.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0, Optional.empty(), List.of(), Optional.of(stats));
    vertx.deployVerticle(metrics).await(5, TimeUnit.SECONDS);
    String request = "{\"Request\":{\"block_number\":1}}";
    try (Socket waiting = new Socket("127.0.0.1", server.actualPort());
        Socket refused = new Socket()) {
      waiting.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
      refused.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 2000);
      refused.setSoTimeout(5000);
      assertThat(refused.getInputStream().read()).isEqualTo(-1);
      assertThat(get(vertx.createHttpClient(), metrics.actualPort(), "/metrics")).contains(
          "l2prover_server_connections_open 1\n", "l2prover_server_buffered_bytes " + heapOf(request) + "\n",
          "l2prover_server_connections_shed_total{reason=\"refused\"} 1\n",
          "l2prover_server_connections_shed_total{reason=\"evicted\"} 0\n",
          "l2prover_server_bad_messages_total 0\n");
    }
  }

  /** What the server charges its budget for a whole message. */
  private static long heapOf(String message) throws Exception {
    JsonValueFramer framer = new JsonValueFramer(1024);
    framer.feed(io.vertx.core.buffer.Buffer.buffer(message));
    return framer.heapBytes();
  }

  private static String get(io.vertx.core.http.HttpClient client, int port, String path) throws Exception {
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body()))
        .await(5, TimeUnit.SECONDS).toString();
  }
}

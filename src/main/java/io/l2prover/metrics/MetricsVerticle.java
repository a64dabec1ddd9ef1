package io.l2prover.metrics;

import io.l2prover.bus.Addresses;
import io.l2prover.client.ProgressEvent;
import io.l2prover.health.HealthCheck;
import io.l2prover.health.HealthStatus;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.protocol.Shed;
import io.l2prover.server.SubmitOutcome;
import io.l2prover.server.SubmitRejection;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} (readiness: each {@link HealthCheck} of the role, 503 with the reason when one
 * is down), {@code GET /health/live} (liveness: the process answers) and Prometheus
 * {@code GET /metrics} on one port, fed by the progress events the client publishes and the Submit
 * outcomes the server publishes, and naming the compute backend chosen at start where the process
 * proves. Plain Vert.x core HTTP: three fixed paths need no web framework.
 */
public final class MetricsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsVerticle.class);

  private final String host;
  private final int port;
  private final Optional<String> backend;
  private final List<HealthCheck> checks;
  private final Optional<ConnectionStats> connections;
  private long blocksProven;
  private long provingMillis;
  private long failures;
  private long lastProvenBlock = -1;
  private long proofsAccepted;
  private final Map<SubmitRejection, Long> submitsRejected = new EnumMap<>(SubmitRejection.class);
  private long segmentsProven;
  private long segmentsFromCheckpoints;
  private long segmentsFailedDeviceCheck;
  private long segmentMillis;
  private double cyclesPerSecond;
  private HttpServer server;

  /** For a process that does not prove (the server). @param port 0 picks a free port, see {@link #actualPort()} */
  public MetricsVerticle(String host, int port) {
    this(host, port, Optional.empty());
  }

  /**
   * @param port 0 picks a free port, see {@link #actualPort()}
   * @param backend the name of the compute backend the proving workers hold ("cpu", "cuda")
   */
  public MetricsVerticle(String host, int port, Optional<String> backend) {
    this(host, port, backend, List.of());
  }

  /**
   * @param port 0 picks a free port, see {@link #actualPort()}
   * @param backend the name of the compute backend the proving workers hold ("cpu", "cuda")
   * @param checks the parts of the role readiness reports on, in this order
   */
  public MetricsVerticle(String host, int port, Optional<String> backend, List<HealthCheck> checks) {
    this(host, port, backend, checks, Optional.empty());
  }

  /**
   * @param port 0 picks a free port, see {@link #actualPort()}
   * @param backend the name of the compute backend the proving workers hold ("cpu", "cuda")
   * @param checks the parts of the role readiness reports on, in this order
   * @param connections the prover server's connection counts, where this process runs one
   */
  public MetricsVerticle(String host, int port, Optional<String> backend, List<HealthCheck> checks,
      Optional<ConnectionStats> connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.host = host;
    this.port = port;
    this.backend = Objects.requireNonNull(backend, "backend");
    this.checks = List.copyOf(checks);
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, message -> count(message.body()));
    vertx.eventBus().<SubmitOutcome>consumer(Addresses.SERVER_SUBMITS, message -> message.body().rejection()
        .ifPresentOrElse(reason -> submitsRejected.merge(reason, 1L, Long::sum), () -> proofsAccepted++));
    vertx.eventBus().<JsonObject>localConsumer(Addresses.SEGMENTS, message -> countSegment(message.body()));
    vertx.eventBus().<JsonObject>localConsumer(Addresses.DEVICE_CHECK_FAILURES, message -> segmentsFailedDeviceCheck++);
    server = vertx.createHttpServer().requestHandler(this::serve);
    return server.listen(port, host)
        .onSuccess(s -> LOG.info("health and metrics on http://{}:{}/health and /metrics", host, s.actualPort()))
        .recover(e -> Future.failedFuture("PROVER_METRICS_HOST:PROVER_METRICS_PORT: cannot listen on " + host + ":" + port
            + " (" + e.getMessage() + ")"));
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void count(ProgressEvent event) {
    switch (event.phase()) {
      case PROVED -> provingMillis += event.millis();
      case ACKNOWLEDGED -> {
        blocksProven++;
        lastProvenBlock = event.blockNumber();
      }
      case RETRY -> failures++;
      default -> { }
    }
  }

  /** A finished segment of a block proven here (SegmentCoordinator): proven by a worker or read from a checkpoint. */
  private void countSegment(JsonObject segment) {
    if ("checkpoint".equals(segment.getString("source"))) {
      segmentsFromCheckpoints++;
      return;
    }
    segmentsProven++;
    segmentMillis += segment.getLong("millis", 0L);
    cyclesPerSecond = segment.getDouble("cycles_per_second", 0.0);
  }

  private void serve(HttpServerRequest request) {
    switch (request.path()) {
      case "/health" -> readiness().onComplete(health -> request.response()
          .setStatusCode(health.result().getString("status").equals("UP") ? 200 : 503)
          .putHeader("content-type", "application/json")
          .end(health.result().encode()));
      case "/health/live" -> request.response().putHeader("content-type", "application/json")
          .end(new JsonObject().put("status", "UP").encode());
      case "/metrics" -> request.response().putHeader("content-type", "text/plain; version=0.0.4")
          .end(prometheusText());
      default -> request.response().setStatusCode(404).end();
    }
  }

  /** Runs every check; never fails: a check that fails or throws is down with its message. */
  private Future<JsonObject> readiness() {
    List<Future<HealthStatus>> results = checks.stream().map(this::run).toList();
    return Future.join(results).transform(done -> {
      JsonObject parts = new JsonObject();
      List<String> down = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        HealthStatus status = results.get(i).result();
        String name = checks.get(i).name();
        parts.put(name, new JsonObject().put("status", status.up() ? "UP" : "DOWN").put("detail", status.detail()));
        if (!status.up()) {
          down.add(name + ": " + status.detail());
        }
      }
      JsonObject health = new JsonObject().put("status", down.isEmpty() ? "UP" : "DOWN");
      backend.ifPresent(name -> health.put("backend", name));
      if (!down.isEmpty()) {
        health.put("reason", String.join("; ", down));
      }
      if (!checks.isEmpty()) {
        health.put("checks", parts);
      }
      return Future.succeededFuture(health);
    });
  }

  private Future<HealthStatus> run(HealthCheck check) {
    Future<HealthStatus> result;
    try {
      result = check.check(vertx);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.recover(e -> Future.succeededFuture(HealthStatus.down(String.valueOf(e.getMessage()))));
  }

  String prometheusText() {
    return backendGauge() + "# HELP l2prover_blocks_proven_total Blocks proven and acknowledged by the server.\n"
        + "# TYPE l2prover_blocks_proven_total counter\n"
        + "l2prover_blocks_proven_total " + blocksProven + "\n"
        + "# HELP l2prover_proving_seconds_total Time spent proving.\n"
        + "# TYPE l2prover_proving_seconds_total counter\n"
        + "l2prover_proving_seconds_total " + (provingMillis / 1000.0) + "\n"
        + "# HELP l2prover_failures_total Steps that failed and were retried.\n"
        + "# TYPE l2prover_failures_total counter\n"
        + "l2prover_failures_total " + failures + "\n"
        + "# HELP l2prover_last_proven_block Number of the last block proven (-1: none yet).\n"
        + "# TYPE l2prover_last_proven_block gauge\n"
        + "l2prover_last_proven_block " + lastProvenBlock + "\n"
        + "# HELP l2prover_server_proofs_accepted_total Submits the prover server verified and stored.\n"
        + "# TYPE l2prover_server_proofs_accepted_total counter\n"
        + "l2prover_server_proofs_accepted_total " + proofsAccepted + "\n"
        + rejectionLines()
        + segmentLines()
        + connections.map(MetricsVerticle::connectionLines).orElse("");
  }

  /** Every reason of the fixed set, zeros included, so that a rate over any of them is defined from the start. */
  private String rejectionLines() {
    StringBuilder text = new StringBuilder()
        .append("# HELP l2prover_server_submits_rejected_total Submits the prover server rejected, by reason.\n")
        .append("# TYPE l2prover_server_submits_rejected_total counter\n");
    for (SubmitRejection reason : SubmitRejection.values()) {
      text.append("l2prover_server_submits_rejected_total{reason=\"").append(reason.label()).append("\"} ")
          .append(submitsRejected.getOrDefault(reason, 0L)).append('\n');
    }
    return text.toString();
  }

  private String segmentLines() {
    return "# HELP l2prover_segments_proven_total Segments of this node's blocks proven by the workers.\n"
        + "# TYPE l2prover_segments_proven_total counter\n"
        + "l2prover_segments_proven_total " + segmentsProven + "\n"
        + "# HELP l2prover_segments_from_checkpoints_total Segments taken from checkpoints after a restart.\n"
        + "# TYPE l2prover_segments_from_checkpoints_total counter\n"
        + "l2prover_segments_from_checkpoints_total " + segmentsFromCheckpoints + "\n"
        + "# HELP l2prover_segments_failed_device_check_total Segment proofs made on the GPU that failed their check"
        + " in the worker and were proven again on the CPU.\n"
        + "# TYPE l2prover_segments_failed_device_check_total counter\n"
        + "l2prover_segments_failed_device_check_total " + segmentsFailedDeviceCheck + "\n"
        + "# HELP l2prover_segment_seconds Time a segment took on the workers: phase 1 and phase 2, each from its sending to its answer.\n"
        + "# TYPE l2prover_segment_seconds summary\n"
        + "l2prover_segment_seconds_sum " + (segmentMillis / 1000.0) + "\n"
        + "l2prover_segment_seconds_count " + segmentsProven + "\n"
        + "# HELP l2prover_proving_cycles_per_second Cycles proven per second in the block proven last.\n"
        + "# TYPE l2prover_proving_cycles_per_second gauge\n"
        + "l2prover_proving_cycles_per_second " + cyclesPerSecond + "\n";
  }

  private static String connectionLines(ConnectionStats stats) {
    StringBuilder text = new StringBuilder()
        .append("# HELP l2prover_server_connections_open Protocol connections the prover server holds.\n")
        .append("# TYPE l2prover_server_connections_open gauge\n")
        .append("l2prover_server_connections_open ").append(stats.open()).append('\n')
        .append("# HELP l2prover_server_buffered_bytes Estimated heap of the messages the prover server holds,"
            + " against PROVER_SERVER_BUFFER_BUDGET_BYTES.\n")
        .append("# TYPE l2prover_server_buffered_bytes gauge\n")
        .append("l2prover_server_buffered_bytes ").append(stats.bufferedBytes()).append('\n')
        .append("# HELP l2prover_server_connections_shed_total Connections the prover server closed to stay"
            + " available, by reason.\n")
        .append("# TYPE l2prover_server_connections_shed_total counter\n");
    for (Shed reason : Shed.values()) {
      text.append("l2prover_server_connections_shed_total{reason=\"").append(reason.label()).append("\"} ")
          .append(stats.shed(reason)).append('\n');
    }
    return text.append("# HELP l2prover_server_bad_messages_total Connections the prover server closed without a"
            + " reply for what they sent (garbage, truncated or oversized, rejected Submit).\n")
        .append("# TYPE l2prover_server_bad_messages_total counter\n")
        .append("l2prover_server_bad_messages_total ").append(stats.badMessages()).append('\n')
        .toString();
  }

  private String backendGauge() {
    return backend.map(name -> "# HELP l2prover_backend The compute backend chosen at start for proving.\n"
        + "# TYPE l2prover_backend gauge\n"
        + "l2prover_backend{name=\"" + name + "\"} 1\n").orElse("");
  }
}

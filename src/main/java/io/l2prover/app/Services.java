package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.bus.JsonMessageCodec;
import io.l2prover.client.ClientSettings;
import io.l2prover.client.ProgressEvent;
import io.l2prover.client.ProverClientVerticle;
import io.l2prover.guest.BlockGuest;
import io.l2prover.health.HealthCheck;
import io.l2prover.metrics.MetricsVerticle;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.protocol.ProtocolTls;
import io.l2prover.proving.CompositeBlockProver;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.ExecutingDevProver;
import io.l2prover.proving.Prover;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.proving.ProvingJob;
import io.l2prover.proving.ProvingResult;
import io.l2prover.proving.ProvingVerticle;
import io.l2prover.proving.SegmentSettings;
import io.l2prover.proving.SegmentWorkerVerticle;
import io.l2prover.proving.SegmentedGuest;
import io.l2prover.proving.SegmentedProvingVerticle;
import io.l2prover.server.ChainSource;
import io.l2prover.server.ProofStore;
import io.l2prover.server.ProverServerVerticle;
import io.l2prover.server.ServerSettings;
import io.l2prover.server.SubmitOutcome;
import io.l2prover.state.ProverIdFile;
import io.l2prover.state.ProverState;
import io.l2prover.state.StatePersisterVerticle;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deploys the verticles of each role the same way for the jar, the demo and the tests. */
public final class Services {

  private static final Logger LOG = LoggerFactory.getLogger(Services.class);
  /** A dev-mode block (the block guest executed) runs under a minute on 2 cores; warn at the default proving timeout. */
  private static final Duration DEV_BLOCK_WARNING = Duration.ofHours(1);

  private Services() {}

  /** Registers the event-bus codecs of every message type; once per Vertx instance. */
  public static void registerCodecs(EventBus bus) {
    List<JsonMessageCodec<?>> codecs =
        List.of(ProvingJob.CODEC, ProvingResult.CODEC, ProverState.CODEC, ProgressEvent.CODEC, SubmitOutcome.CODEC);
    codecs.forEach(codec -> register(bus, codec));
  }

  private static <T> void register(EventBus bus, JsonMessageCodec<T> codec) {
    bus.registerDefaultCodec(codec.type(), codec);
  }

  /**
   * Reads the PEM files of {@code tls} now, so a role with unusable TLS files stops at start.
   *
   * @throws UserError naming {@code settings} and the file
   */
  public static void loadTls(Vertx vertx, ProtocolTls tls, String settings) {
    try {
      tls.load(vertx);
    } catch (IllegalArgumentException e) {
      throw new UserError(settings + ": " + e.getMessage());
    }
  }

  /**
   * The prover the configuration asks for: in real mode ({@code PROVER_DEV_MODE=false}) composite
   * receipts of the block guest on {@code backend}, the one the role chose at start (unused in dev
   * mode).
   */
  public static Prover prover(ProverConfig config, ComputeBackend backend) {
    if (!config.devMode()) {
      return new CompositeBlockProver(BlockGuest.bundled(), backend, config.executorOptions());
    }
    return devProver(config);
  }

  /**
   * The prover and the backend of a role that proves, the backend chosen once by {@code selector}
   * (the real probe in the jar, a fake one in tests); on a GPU, real mode's segments sized to its
   * memory ({@link SegmentSizing}). Blocking; call it from a role's main thread.
   *
   * @param po2Set whether PROVER_SEGMENT_PO2 was set (else, on a GPU, the largest that fits is used)
   * @throws UserError when PROVER_GPU=on and there is no usable GPU, or the segments do not fit it
   */
  public static ProvingEngine engine(ProverConfig config, BackendSelector selector, boolean po2Set) {
    List<ComputeBackend> backends = selector.select(config.gpuMode(), config.gpuDevices());
    ComputeBackend backend = backends.get(0);
    ProverConfig sized = config.devMode() ? config : config.withSegmentPo2(SegmentSizing.choose(config.segmentPo2(),
        po2Set, backend, Program.fromElf(Guests.bundled("block"))));
    return new ProvingEngine(prover(sized, backend), backends);
  }

  /**
   * The block guest in the executor (segments of 2^PROVER_SEGMENT_PO2 cycles), or with
   * PROVER_DEV_EXECUTE=false the instant input digest.
   */
  public static Prover devProver(ProverConfig config) {
    return config.devExecute()
        ? new ExecutingDevProver(BlockGuest.bundled(), config.executorOptions())
        : new DevProver();
  }

  /**
   * The compute backend PROVER_GPU asks for, chosen once at start with the real CUDA probe: one
   * log line says which. Blocking (the probe initialises the driver); call it from a role's main
   * thread.
   *
   * @throws UserError when PROVER_GPU=on and there is no usable GPU
   */
  public static ComputeBackend computeBackend(ProverConfig config) {
    return computeBackend(config, BackendSelector.standard());
  }

  /** As {@link #computeBackend(ProverConfig)}, with the given selector (tests pass a fake probe). */
  public static ComputeBackend computeBackend(ProverConfig config, BackendSelector selector) {
    return selector.select(config.gpuMode());
  }

  /** Persister, proving workers and the client loop, as {@code config} says; yields the loop's deployment ID. */
  public static Future<String> deployClient(Vertx vertx, ProverConfig config, ProvingEngine engine) {
    return deployClient(vertx, config.dataDir(), config.workers(), config.clientSettings(), engine, config.segments());
  }

  /**
   * Persister and client loop without proving workers: the client's {@code prover.prove} jobs go
   * to the prover-nodes of the cluster. Yields the loop's deployment ID.
   */
  public static Future<String> deployClientWithoutProving(Vertx vertx, Path dataDir, ClientSettings settings) {
    LOG.info("No local proving: proving jobs go to the prover-nodes of the cluster");
    return vertx.deployVerticle(new StatePersisterVerticle(dataDir, AtomicFileWriter.durable()))
        .compose(id -> deployLoop(vertx, dataDir, settings));
  }

  /** The client loop, with the prover ID of {@code dataDir} (made there on first use). */
  private static Future<String> deployLoop(Vertx vertx, Path dataDir, ClientSettings settings) {
    return vertx.executeBlocking(() -> ProverIdFile.loadOrCreate(dataDir, AtomicFileWriter.durable()))
        .compose(id -> vertx.deployVerticle(new ProverClientVerticle(settings.withProverId(id))));
  }

  /** The proving workers {@code config} asks for: what a prover-node runs, and the local half of a client. */
  public static Future<String> deployProvingWorkers(Vertx vertx, ProverConfig config, ProvingEngine engine) {
    return deployProvingWorkers(vertx, config.workers(), engine, config.dataDir(), config.segments());
  }

  /**
   * {@code workers} ProvingVerticle instances sharing {@code engine}'s prover, on a worker pool
   * of that size. A prover of segments (real mode) is deployed by the overload with a data directory.
   */
  public static Future<String> deployProvingWorkers(Vertx vertx, int workers, ProvingEngine engine) {
    Prover prover = engine.prover();
    if (prover instanceof SegmentedGuest) {
      return Future.failedFuture("a prover of segments needs a data directory for its checkpoints");
    }
    LOG.info("Proving on {} worker thread(s): {}", workers, engine.describe());
    return vertx.deployVerticle(() -> new ProvingVerticle(prover),
        workerOptions("prover-workers", workers, DEV_BLOCK_WARNING));
  }

  /**
   * As above; a prover of segments (real mode) gets {@code workers} SegmentWorkerVerticles, each
   * proving one segment at a time of any block of the cluster, and the SegmentedProvingVerticle
   * that proves this node's blocks on them (checkpoints under {@code dataDir}).
   */
  public static Future<String> deployProvingWorkers(Vertx vertx, int workers, ProvingEngine engine, Path dataDir,
      SegmentSettings segments) {
    if (!(engine.prover() instanceof SegmentedGuest guest)) {
      return deployProvingWorkers(vertx, workers, engine);
    }
    String node = ManagementFactory.getRuntimeMXBean().getName();
    // With PROVER_GPU_DEVICES, one worker per device, each on its own backend; else all on the one.
    int instances = engine.perDevice() ? engine.backends().size() : workers;
    AtomicInteger next = new AtomicInteger();
    LOG.info("Proving segments on {} worker thread(s) as {}: {}; segment timeout {} s", instances, node,
        engine.describe(), segments.segmentTimeout().toSeconds());
    return vertx.deployVerticle(() -> new SegmentWorkerVerticle(Map.of(guest.imageId(), guest.program()),
            engine.backends().get(next.getAndIncrement() % engine.backends().size()), node), workerOptions("segment-workers", instances, segments.segmentTimeout()))
        .compose(id -> vertx.deployVerticle(new SegmentedProvingVerticle(guest, engine.backend(), dataDir, segments)));
  }

  /**
   * Worker verticles on their own pool. A proving task holds its thread for as long as it takes
   * (a segment takes minutes on a busy machine), so Vert.x's blocked-thread warning (a stack trace
   * after 60 s by default) comes only after {@code longestTask}: for a segment, when the
   * coordinator would send it to another worker anyway.
   */
  private static DeploymentOptions workerOptions(String pool, int workers, Duration longestTask) {
    return new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(pool)
        .setWorkerPoolSize(workers)
        .setMaxWorkerExecuteTime(longestTask.toMillis())
        .setMaxWorkerExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setInstances(workers);
  }

  /**
   * Persister, {@code workers} proving worker instances sharing {@code engine}, and the client
   * loop; yields the loop's deployment ID.
   */
  public static Future<String> deployClient(Vertx vertx, Path dataDir, int workers, ClientSettings settings,
      ProvingEngine engine) {
    return deployClient(vertx, dataDir, workers, settings, engine, SegmentSettings.defaults(workers));
  }

  /** As above, with the segment settings of a prover of segments. */
  public static Future<String> deployClient(Vertx vertx, Path dataDir, int workers, ClientSettings settings,
      ProvingEngine engine, SegmentSettings segments) {
    return vertx.deployVerticle(new StatePersisterVerticle(dataDir, AtomicFileWriter.durable()))
        .compose(id -> deployProvingWorkers(vertx, workers, engine, dataDir, segments))
        .compose(id -> deployLoop(vertx, dataDir, settings));
  }

  /** The reference prover server over {@code chain}, its state under {@code dataDir}. */
  public static Future<ProverServerVerticle> deployServer(Vertx vertx, Path dataDir, ServerSettings settings,
      ChainSource chain) {
    return deployServer(vertx, dataDir, settings, chain, new ConnectionStats());
  }

  /** As above, counting its connections in {@code connections} (what /metrics reports). */
  public static Future<ProverServerVerticle> deployServer(Vertx vertx, Path dataDir, ServerSettings settings,
      ChainSource chain, ConnectionStats connections) {
    ProverServerVerticle server =
        new ProverServerVerticle(chain, new ProofStore(dataDir, AtomicFileWriter.durable()), settings, connections);
    return vertx.deployVerticle(server).map(id -> server);
  }

  /** /health and /metrics when PROVER_METRICS_PORT is set, for a role that does not prove. */
  public static Future<Void> deployMetrics(Vertx vertx, ProverConfig config) {
    return deployMetrics(vertx, config, Optional.empty());
  }

  /** /health and /metrics when PROVER_METRICS_PORT is set, reporting the proving backend if there is one. */
  public static Future<Void> deployMetrics(Vertx vertx, ProverConfig config, Optional<ComputeBackend> backend) {
    return deployMetrics(vertx, config, backend, List.of());
  }

  /**
   * /health and /metrics when PROVER_METRICS_PORT is set: readiness checks {@code checks}, and the
   * proving backend if there is one.
   */
  public static Future<Void> deployMetrics(Vertx vertx, ProverConfig config, Optional<ComputeBackend> backend,
      List<HealthCheck> checks) {
    return deployMetrics(vertx, config, backend, checks, Optional.empty());
  }

  /**
   * As above, with the prover server's connection counts where this process runs one; then
   * /metrics listens where the server does unless PROVER_METRICS_HOST says otherwise.
   */
  public static Future<Void> deployMetrics(Vertx vertx, ProverConfig config, Optional<ComputeBackend> backend,
      List<HealthCheck> checks, Optional<ConnectionStats> connections) {
    String host = config.metricsHost(connections.isPresent() ? config.listenIp() : "0.0.0.0");
    if (config.metricsPort() == 0) {
      return Future.succeededFuture();
    }
    List<HealthCheck> all = new ArrayList<>();
    backend.ifPresent(b -> all.add(HealthCheck.fixed("backend", b.name())));
    all.addAll(checks);
    return vertx.deployVerticle(new MetricsVerticle(host, config.metricsPort(), backend.map(ComputeBackend::name),
        all, connections)).mapEmpty();
  }
}

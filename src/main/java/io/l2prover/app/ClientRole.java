package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.health.HealthCheck;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.state.StatePersisterVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code client}: the prover client, configured by environment (and {@code --config FILE}). */
final class ClientRole extends FlagRole {

  private final BackendSelector selector;

  /** @param selector chooses the compute backend from PROVER_GPU (the real CUDA probe in the jar) */
  ClientRole(BackendSelector selector) {
    super("client", "prove the blocks a prover server hands out (PROVER_CLIENT_PROVER_SERVER_ENDPOINT)",
        Set.of("config"), Set.of(), System.out);
    this.selector = selector;
  }

  @Override
  protected String usage() {
    return """
        usage: java -jar l2-prover.jar client [--config FILE]

        Asks the prover server for blocks, proves them and submits the receipts, forever.
        Real mode (the default) proves each block into a composite receipt, segment by segment on
        PROVER_WORKERS workers (segments of 2^PROVER_SEGMENT_PO2 cycles, checkpointed in
        $PROVER_DATA_DIR/segments/ so a restarted client resumes the block); PROVER_DEV_MODE=true
        makes fake receipts instead (the block guest executed, nothing proven).
        Remembers the last acknowledged block in $PROVER_DATA_DIR/prover_state.json.
        Settings come from the environment (PROVER_CLIENT_*, PROVER_*; see the README),
        over the optional JSON file, over the defaults in conf/config.json.
        PROVER_GPU=auto|on|off picks the compute backend once at start (on: a usable GPU
        is required, else the client stops with an error).
        PROVER_CLIENT_CLUSTERED=true joins the cluster (PROVER_CLUSTER_*) so that prover-nodes
        take proving jobs too; PROVER_CLIENT_LOCAL_PROVING=false then leaves all proving to them.
        """;
  }

  @Override
  protected int run(CliFlags options) throws Exception {
    ProverConfig config = ConfigLoader.loadStandalone(options.string("config").map(Path::of));
    try (DataDirLock lock = DataDirLock.acquire(config.dataDir(), "client")) {
      return runLocked(config, ConfigLoader.isSet(ExecuteRole.PO2_ENV, options.string("config").map(Path::of)));
    }
  }

  private int runLocked(ProverConfig config, boolean po2Set) throws Exception {
    // Once per process, before any worker exists: PROVER_GPU=on without a GPU stops here.
    Optional<ProvingEngine> engine = config.clientLocalProving()
        ? Optional.of(Services.engine(config, selector, po2Set))
        : Optional.empty();
    Vertx vertx = config.clientClustered() ? ClusteredVertx.join(config.cluster()) : Vertx.vertx();
    try {
      Services.loadTls(vertx, config.clientSettings().tls(), "PROVER_CLIENT_TLS_*");
    } catch (UserError e) {
      vertx.close();
      throw e;
    }
    Services.registerCodecs(vertx.eventBus());
    List<HealthCheck> checks = new ArrayList<>(List.of(StatePersisterVerticle.health(config.dataDir())));
    if (config.clientClustered()) {
      checks.add(ClusteredVertx.health(vertx));
    }
    Future<String> client = Services.deployMetrics(vertx, config, engine.map(ProvingEngine::backend), checks)
        .compose(v -> engine.isPresent()
            ? Services.deployClient(vertx, config, engine.get())
            : Services.deployClientWithoutProving(vertx, config.dataDir(), config.clientSettings()));
    return Running.untilStopped(vertx, client, "the prover client");
  }
}

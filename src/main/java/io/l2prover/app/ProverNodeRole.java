package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.proving.ProvingEngine;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code prover-node}: joins the cluster and runs only proving workers, which take the
 * {@code prover.prove} jobs of clustered clients on other nodes.
 */
final class ProverNodeRole extends FlagRole {

  private final BackendSelector selector;

  /** @param selector chooses the compute backend from PROVER_GPU (the real CUDA probe in the jar) */
  ProverNodeRole(BackendSelector selector) {
    super("prover-node", "join the cluster (PROVER_CLUSTER_*) and prove the jobs of clustered clients",
        Set.of("config"), Set.of(), System.out);
    this.selector = selector;
  }

  @Override
  protected String usage() {
    return """
        usage: java -jar l2-prover.jar prover-node [--config FILE]

        Joins the Hazelcast cluster PROVER_CLUSTER_NAME (bound to PROVER_CLUSTER_HOST:PROVER_CLUSTER_PORT,
        contacting PROVER_CLUSTER_MEMBERS) and runs PROVER_WORKERS proving workers on its event bus.
        A client started with PROVER_CLIENT_CLUSTERED=true sends its blocks to them; with several
        nodes, jobs go round-robin. Proving settings (PROVER_DEV_MODE, PROVER_DEV_EXECUTE,
        PROVER_SEGMENT_PO2, PROVER_GPU) are this node's own. Stops on SIGTERM/SIGINT.
        """;
  }

  @Override
  protected int run(CliFlags options) throws Exception {
    ProverConfig config = ConfigLoader.loadStandalone(options.string("config").map(Path::of));
    // Once per process, before any worker exists: PROVER_GPU=on without a GPU stops here.
    ProvingEngine engine = Services.engine(config, selector,
        ConfigLoader.isSet(ExecuteRole.PO2_ENV, options.string("config").map(Path::of)));
    Vertx vertx = ClusteredVertx.join(config.cluster());
    Services.registerCodecs(vertx.eventBus());
    return Running.untilStopped(vertx,
        Services.deployMetrics(vertx, config, Optional.of(engine.backend()), List.of(ClusteredVertx.health(vertx)))
            .compose(v -> Services.deployProvingWorkers(vertx, config, engine)),
        "the prover node");
  }
}

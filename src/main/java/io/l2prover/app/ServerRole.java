package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.guest.BlockGuest;
import io.l2prover.health.HealthCheck;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.server.ProofStore;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.util.AtomicFileWriter;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code server}: the reference prover server over a genesis file and a chain file. */
final class ServerRole extends FlagRole {

  private static final Logger LOG = LoggerFactory.getLogger(ServerRole.class);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  ServerRole() {
    super("server", "serve a chain to provers and verify their proofs (--genesis FILE --chain FILE)",
        Set.of("config", "genesis", "chain"), Set.of(), System.out);
  }

  @Override
  protected String usage() {
    return """
        usage: java -jar l2-prover.jar server [--genesis FILE] [--chain FILE] [--config FILE]

        Serves blocks 1..n of the chain (a genesis JSON file and an RLP chain file, as
        `geth export` writes it) to prover clients on PROVER_SERVER_LISTEN_IP:PROVER_SERVER_LISTEN_PORT,
        verifies each submitted receipt (fake ones only with PROVER_DEV_MODE=true) and keeps the
        accepted proofs in $PROVER_DATA_DIR/server/. --genesis/--chain override
        PROVER_SERVER_GENESIS/PROVER_SERVER_CHAIN.
        """;
  }

  @Override
  protected int run(CliFlags options) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ProverConfig config = ConfigLoader.load(vertx, options.string("config").map(Path::of))
          .withChainFiles(options.string("genesis").map(Path::of), options.string("chain").map(Path::of));
      Path genesis = config.genesisFile().orElseThrow(() -> new UserError(
          "the server needs a genesis file: --genesis FILE or PROVER_SERVER_GENESIS"));
      Path chainFile = config.chainFile().orElseThrow(() -> new UserError(
          "the server needs a chain file: --chain FILE or PROVER_SERVER_CHAIN"));
      try (DataDirLock lock = DataDirLock.acquire(config.dataDir(), "server")) {
        // Before the chain is validated (seconds): a port in use is reported at once.
        ListenCheck.probe(config.listenIp(), config.listenPort(), "PROVER_SERVER_LISTEN_IP:PROVER_SERVER_LISTEN_PORT");
        if (config.metricsPort() != 0) {
          ListenCheck.probe(config.metricsHost(config.listenIp()), config.metricsPort(),
              "PROVER_METRICS_HOST:PROVER_METRICS_PORT");
        }
        Services.loadTls(vertx, config.serverSettings().tls(), "PROVER_SERVER_TLS_*");
        ProvableChainSource chain = loadChain(genesis, chainFile);
        loadBlockGuest();
        return serve(vertx, config, chain);
      }
    } catch (UserError e) {
      vertx.close();
      throw e;
    }
  }

  private static ProvableChainSource loadChain(Path genesis, Path chainFile) {
    LOG.info("validating every block of {} from genesis {} ...", chainFile, genesis);
    try (ProgressTicker ticker = ProgressTicker.start(LOG, "validating the chain", PROGRESS_INTERVAL)) {
      return ChainFiles.load(genesis, chainFile);
    }
  }

  /**
   * Submits are checked against the block guest's image ID, a commitment to its ELF that takes
   * seconds to compute: said, so the start is not silent meanwhile.
   */
  private static void loadBlockGuest() {
    LOG.info("computing the block guest's image ID ...");
    try (ProgressTicker ticker = ProgressTicker.start(LOG, "computing the block guest's image ID", PROGRESS_INTERVAL)) {
      LOG.info("block guest image ID {}", BlockGuest.bundled().imageId());
    }
  }

  private static int serve(Vertx vertx, ProverConfig config, ProvableChainSource chain) throws InterruptedException {
    Services.registerCodecs(vertx.eventBus());
    var store = new ProofStore(config.dataDir(), AtomicFileWriter.durable());
    var connections = new ConnectionStats();
    // /health names the image ID receipts are verified against, so an operator can compare it with the provers'.
    var checks = List.of(store.health(), HealthCheck.fixed("block_guest", "image ID "
        + BlockGuest.bundled().imageId()));
    var deployment = Services.deployMetrics(vertx, config, Optional.empty(), checks, Optional.of(connections))
        .compose(v -> Services.deployServer(vertx, config.dataDir(), config.serverSettings(), chain, connections));
    return Running.untilStopped(vertx, deployment, "the prover server");
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.server.ProofStore;
import io.l2prover.util.AtomicFileWriter;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code server}: the reference prover server over a genesis file and a chain file. */
final class ServerRole extends FlagRole {

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
      var chain = ChainFiles.load(
          config.genesisFile().orElseThrow(() -> new UserError(
              "the server needs a genesis file: --genesis FILE or PROVER_SERVER_GENESIS", Main.EXIT_USAGE)),
          config.chainFile().orElseThrow(() -> new UserError(
              "the server needs a chain file: --chain FILE or PROVER_SERVER_CHAIN", Main.EXIT_USAGE)));
      Services.registerCodecs(vertx.eventBus());
      var store = new ProofStore(config.dataDir(), AtomicFileWriter.durable());
      var connections = new ConnectionStats();
      var deployment = Services.deployMetrics(vertx, config, Optional.empty(), List.of(store.health()),
              Optional.of(connections))
          .compose(v -> Services.deployServer(vertx, config.dataDir(), config.serverSettings(), chain, connections));
      return Running.untilStopped(vertx, deployment, "the prover server");
    } catch (UserError e) {
      vertx.close();
      throw e;
    }
  }
}

package io.l2prover.app;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Set;

/** {@code client}: the prover client, configured by environment (and {@code --config FILE}). */
final class ClientRole implements Role {

  @Override
  public String name() {
    return "client";
  }

  @Override
  public String summary() {
    return "prove the blocks a prover server hands out (PROVER_CLIENT_PROVER_SERVER_ENDPOINT)";
  }

  @Override
  public int run(String[] args) throws Exception {
    CliFlags options = CliFlags.parse(name(), args, Set.of("config"), Set.of("help"));
    if (options.has("help")) {
      System.out.print("""
          usage: java -jar l2-prover.jar client [--config FILE]

          Asks the prover server for blocks, proves them and submits the receipts, forever.
          Remembers the last acknowledged block in $PROVER_DATA_DIR/prover_state.json.
          Settings come from the environment (PROVER_CLIENT_*, PROVER_*; see the README),
          over the optional JSON file, over the defaults in conf/config.json.
          """);
      return 0;
    }
    Vertx vertx = Vertx.vertx();
    ProverConfig config;
    try {
      config = ConfigLoader.load(vertx, options.string("config").map(Path::of));
    } catch (UserError e) {
      vertx.close();
      throw e;
    }
    Services.registerCodecs(vertx.eventBus());
    var prover = Services.prover(config);
    return Running.untilStopped(vertx,
        Services.deployMetrics(vertx, config).compose(v -> Services.deployClient(vertx, config, prover)),
        "the prover client");
  }
}

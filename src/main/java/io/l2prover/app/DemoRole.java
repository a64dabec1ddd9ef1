package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.bus.Addresses;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.client.ClientSettings;
import io.l2prover.client.ProgressEvent;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.ServerSettings;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code demo} (the default role): a prover server over a small self-contained chain and a
 * client in one JVM; proves every block in dev mode, prints progress and a summary, exits.
 */
final class DemoRole extends FlagRole {

  private static final int DEFAULT_BLOCKS = 8;
  private static final int MAX_BLOCKS = 10_000;
  private static final int ACCOUNTS = 16;
  private static final int TXS_PER_BLOCK = 10;

  private final PrintStream out;

  DemoRole(PrintStream out) {
    super("demo", "prove a small generated chain end to end in dev mode (the default)",
        Set.of("blocks", "config"), Set.of(), out);
    this.out = out;
  }

  @Override
  protected String usage() {
    return """
        usage: java -jar l2-prover.jar demo [--blocks N] [--config FILE]

        Generates a chain of N blocks (default 8) of signed transfers between deterministic
        accounts, starts a prover server over it and a prover client
        in this JVM, and has every block validated by the block guest in the zkVM executor (dev mode:
        fake receipts, nothing is proven yet; PROVER_DEV_EXECUTE=false only hashes the inputs), prints
        progress and a summary, and exits. State goes to a temporary directory, removed at the end.
        """;
  }

  @Override
  protected int run(CliFlags options) throws Exception {
    int blocks = (int) options.longValue("blocks", DEFAULT_BLOCKS, 1, MAX_BLOCKS);
    Path dataDir = Files.createTempDirectory("l2-prover-demo");
    Vertx vertx = Vertx.vertx();
    try {
      ProverConfig config = ConfigLoader.load(vertx, options.string("config").map(Path::of));
      // Chosen before the chain is generated, so PROVER_GPU=on without a GPU stops at once.
      // The demo prints every event itself; the services' INFO lines would say each a second time.
      try (QuietServiceLog quiet = QuietServiceLog.unlessAsked(System.getenv("L2PROVER_LOG_LEVEL"));
          ProvingEngine engine = new ProvingEngine(Services.devProver(config), Services.computeBackend(config))) {
        ProvableChainSource chain = ProvableChainSource.of(
            ChainGenerator.generate(GeneratorSpec.of(ACCOUNTS, blocks, TXS_PER_BLOCK)));
        return prove(vertx, config, engine, chain, dataDir);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      deleteTree(dataDir);
    }
  }

  private int prove(Vertx vertx, ProverConfig config, ProvingEngine engine, ProvableChainSource chain, Path dataDir)
      throws Exception {
    Services.registerCodecs(vertx.eventBus());
    long head = chain.headBlockNumber();
    out.printf("demo: a generated chain of %d blocks with %d signed transfers each (chain %s);"
        + " dev mode, %d worker(s), compute backend %s%n", head, TXS_PER_BLOCK, chain.chainId(), config.workers(),
        engine.backend().name());
    long start = System.nanoTime();
    Promise<Void> allProven = Promise.promise();
    AtomicInteger acknowledged = new AtomicInteger();
    vertx.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, message -> {
      ProgressEvent event = message.body();
      switch (event.phase()) {
        case PROVED -> out.printf("  block %d: %s receipt in %d ms%n", event.blockNumber(), event.detail(),
            event.millis());
        case ACKNOWLEDGED -> {
          out.printf("  block %d: accepted by the server, %d ms from input to saved state%n", event.blockNumber(),
              event.millis());
          acknowledged.incrementAndGet();
          if (event.blockNumber() == head) {
            allProven.tryComplete();
          }
        }
        case RETRY -> out.printf("  block %d: %s (retrying)%n", event.blockNumber(), event.detail());
        default -> { }
      }
    });
    ServerSettings serverSettings = new ServerSettings("127.0.0.1", 0, true, config.serverLimits());
    var server = Services.deployServer(vertx, dataDir, serverSettings, chain).await(30, TimeUnit.SECONDS);
    ClientSettings client = new ClientSettings("127.0.0.1", server.actualPort(), Duration.ofMillis(200),
        config.backoff(), config.submitAttempts(), config.provingTimeout(), config.clientLimits());
    String clientId = Services.deployClient(vertx, dataDir, config.workers(), client, engine)
        .await(30, TimeUnit.SECONDS);
    allProven.future().await(5, TimeUnit.MINUTES);
    // The client stops polling before the server goes away with the rest.
    vertx.undeploy(clientId).await(10, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    out.printf("demo: receipts of %d of %d blocks accepted by the server in %d ms%n", acknowledged.get(), head,
        millis);
    out.printf("demo: %s%n", engine.describe());
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

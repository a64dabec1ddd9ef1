package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.bus.Addresses;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.client.ClientSettings;
import io.l2prover.client.ProgressEvent;
import io.l2prover.guest.BlockGuest;
import io.l2prover.proving.CompositeBlockProver;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.proving.SegmentSettings;
import io.l2prover.server.ProofStore;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.ServerSettings;
import io.l2prover.server.StoredProof;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code demo} (the default role): a prover server over a small self-contained chain and a client
 * in one JVM. In real mode (the default) every block is proven into a composite receipt, segment
 * by segment on the segment workers, and verified by the server; {@code --dev} (or
 * PROVER_DEV_MODE=true) runs dev mode instead. Prints progress and what was proven, exits.
 */
final class DemoRole extends FlagRole {

  /** Real mode: blocks without transactions (about 248 thousand cycles each), so the demo ends in minutes. */
  private static final int REAL_BLOCKS = 2;
  private static final int REAL_TXS_PER_BLOCK = 1;
  private static final int REAL_ACCOUNTS = 2;
  /** Two segments per block, one per worker: the segment flow, on both cores of a small machine. */
  private static final int REAL_PO2 = 17;
  private static final int REAL_WORKERS = 2;
  private static final int DEV_BLOCKS = 8;
  private static final int DEV_TXS_PER_BLOCK = 10;
  private static final int DEV_ACCOUNTS = 16;
  private static final int MAX_BLOCKS = 10_000;
  private static final Duration REAL_WAIT = Duration.ofHours(2);
  private static final Duration DEV_WAIT = Duration.ofMinutes(5);

  private final PrintStream out;
  private final BackendSelector selector;

  DemoRole(PrintStream out) {
    this(out, BackendSelector.standard());
  }

  /** @param selector chooses the compute backend from PROVER_GPU (the real CUDA probe in the jar) */
  DemoRole(PrintStream out, BackendSelector selector) {
    super("demo", "prove a small generated chain end to end, for real (the default; --dev: dev mode)",
        Set.of("blocks", "config", "po2", "workers"), Set.of("dev"), out);
    this.out = out;
    this.selector = selector;
  }

  @Override
  protected String usage() {
    return """
        usage: java -jar l2-prover.jar demo [--blocks N] [--po2 N] [--workers N] [--dev] [--config FILE]

        Generates a chain of signed transfers between deterministic accounts, starts a prover
        server over it and a prover client in this JVM, proves every block, prints progress and
        what was proven, and exits. State goes to a temporary directory, removed at the end.

        Real mode (the default): N blocks (default 2) of one signed transfer each, each proven into a
        composite receipt of the block guest in segments of at most 2^po2 cycles (default 17) on
        --workers segment workers (default 2), verified by the client and by the server (which
        refuses fake receipts); then each receipt's cycles, segments, seconds, size and conjectured
        security. Under a minute on two free cores.

        --dev (or PROVER_DEV_MODE=true): N blocks (default 8) of 10 transfers, each validated by
        the block guest in the zkVM executor, fake receipts (nothing proven; PROVER_DEV_EXECUTE=false
        only hashes the inputs).
        """;
  }

  @Override
  protected int run(CliFlags options) throws Exception {
    Path dataDir = Files.createTempDirectory("l2-prover-demo");
    Vertx vertx = Vertx.vertx();
    try {
      ProverConfig config = ConfigLoader.load(vertx, options.string("config").map(Path::of));
      boolean dev = options.has("dev") || config.devMode();
      int blocks = (int) options.longValue("blocks", dev ? DEV_BLOCKS : REAL_BLOCKS, 1, MAX_BLOCKS);
      int po2 = (int) options.longValue("po2", REAL_PO2, ExecutorOptions.MIN_PO2, CompositeProver.MAX_PO2);
      int workers = (int) options.longValue("workers", dev ? config.workers() : REAL_WORKERS, 1, 64);
      // Chosen before the chain is generated, so PROVER_GPU=on without a GPU stops at once.
      // The demo prints every event itself; the services' INFO lines would say each a second time.
      ComputeBackend backend = Services.computeBackend(config, selector);
      try (QuietServiceLog quiet = QuietServiceLog.unlessAsked(System.getenv("L2PROVER_LOG_LEVEL"));
          ProvingEngine engine = new ProvingEngine(dev ? Services.devProver(config)
              : new CompositeBlockProver(BlockGuest.bundled(), backend, ExecutorOptions.defaults().withPo2(po2)
                  .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream())), backend)) {
        GeneratorSpec spec = dev ? GeneratorSpec.of(DEV_ACCOUNTS, blocks, DEV_TXS_PER_BLOCK)
            : GeneratorSpec.of(REAL_ACCOUNTS, blocks, REAL_TXS_PER_BLOCK);
        ProvableChainSource chain = ProvableChainSource.of(ChainGenerator.generate(spec));
        out.printf("demo: a generated chain of %d blocks with %d signed transfer(s) each (chain %s); %s, %d worker(s),"
            + " compute backend %s%n", chain.headBlockNumber(), spec.txsPerBlock(), chain.chainId(),
            dev ? "dev mode (fake receipts)" : "real mode (composite receipts, segments of at most 2^" + po2
                + " cycles)", workers, engine.backend().name());
        return prove(vertx, config, engine, chain, dataDir, dev, workers);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      deleteTree(dataDir);
    }
  }

  private int prove(Vertx vertx, ProverConfig config, ProvingEngine engine, ProvableChainSource chain, Path dataDir,
      boolean dev, int workers) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    long head = chain.headBlockNumber();
    long start = System.nanoTime();
    Promise<Void> allProven = Promise.promise();
    AtomicInteger acknowledged = new AtomicInteger();
    Map<Long, Long> cycles = new ConcurrentHashMap<>();
    Map<Long, Long> provingMillis = new ConcurrentHashMap<>();
    vertx.eventBus().<JsonObject>localConsumer(Addresses.SEGMENTS, message -> {
      JsonObject segment = message.body();
      long block = segment.getLong("block_number");
      cycles.merge(block, segment.getLong("cycles"), Long::sum);
      out.printf(Locale.ROOT, "  block %d: segment %d (%d cycles) %s%n", block, segment.getInteger("segment"),
          segment.getLong("cycles"), "checkpoint".equals(segment.getString("source")) ? "from a checkpoint"
              : String.format(Locale.ROOT, "proven in %.1f s", segment.getLong("millis") / 1000.0));
    });
    vertx.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, message -> {
      ProgressEvent event = message.body();
      switch (event.phase()) {
        case PROVED -> {
          provingMillis.put(event.blockNumber(), event.millis());
          out.printf("  block %d: %s receipt in %d ms%s%n", event.blockNumber(), event.detail(), event.millis(),
              dev ? "" : ", verified");
        }
        case ACKNOWLEDGED -> {
          out.printf("  block %d: %s by the server, %d ms from input to saved state%n", event.blockNumber(),
              dev ? "accepted" : "verified and accepted", event.millis());
          acknowledged.incrementAndGet();
          if (event.blockNumber() == head) {
            allProven.tryComplete();
          }
        }
        case RETRY -> out.printf("  block %d: %s (retrying)%n", event.blockNumber(), event.detail());
        default -> { }
      }
    });
    ServerSettings serverSettings = new ServerSettings("127.0.0.1", 0, dev, config.serverLimits());
    var server = Services.deployServer(vertx, dataDir, serverSettings, chain).await(30, TimeUnit.SECONDS);
    ClientSettings client = new ClientSettings("127.0.0.1", server.actualPort(), Duration.ofMillis(200),
        config.backoff(), config.submitAttempts(), config.provingTimeout(), config.clientLimits());
    String clientId = Services.deployClient(vertx, dataDir, workers, client, engine, SegmentSettings.defaults(workers))
        .await(30, TimeUnit.SECONDS);
    Duration wait = dev ? DEV_WAIT : REAL_WAIT;
    allProven.future().await(wait.toMillis(), TimeUnit.MILLISECONDS);
    // The client stops polling before the server goes away with the rest.
    vertx.undeploy(clientId).await(10, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    out.printf("demo: receipts of %d of %d blocks accepted by the server in %d ms%n", acknowledged.get(), head,
        millis);
    if (!dev) {
      report(chain, dataDir, engine, cycles, provingMillis);
    }
    out.printf("demo: %s%n", engine.describe());
    return 0;
  }

  /** Each stored receipt verified again here, with what it proves and what it cost. */
  private void report(ProvableChainSource chain, Path dataDir, ProvingEngine engine, Map<Long, Long> cycles,
      Map<Long, Long> provingMillis) throws Exception {
    Map<Long, StoredProof> stored = new ProofStore(dataDir, AtomicFileWriter.durable()).open(chain.chainId());
    for (StoredProof proof : stored.values()) {
      long block = proof.blockNumber();
      long started = System.nanoTime();
      ReceiptVerifier.Verified verified = ReceiptVerifier.strict().verifyExecution(proof.receipt(),
          engine.prover().imageId());
      double verifySeconds = (System.nanoTime() - started) / 1e9;
      double seconds = provingMillis.getOrDefault(block, 0L) / 1000.0;
      long blockCycles = cycles.getOrDefault(block, 0L);
      out.printf(Locale.ROOT, "  block %d: %d cycles in %d segments proven in %.1f s (%.0f cycles/s); receipt %d"
          + " bytes, %.1f bits of conjectured security; verified again here in %.2f s (exit code %d, journal %d"
          + " bytes)%n", block, blockCycles, verified.segments(), seconds, blockCycles / Math.max(seconds, 1e-3),
          ReceiptFile.encode(proof.receipt()).length, verified.securityBits().orElse(0), verifySeconds,
          verified.exitCode().orElse(-1), verified.journal().length());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.ServerSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code make soak}: a server and a real client as processes on loopback, the client proving in
 * dev mode (the block guest executed, fake receipts), for a third of {@code soak.seconds} each:
 * alone, under a {@link HostileMix}, and under the mix while it is killed (SIGKILL) and started
 * again (at most twice, each time once it has proven a block since its last start). Prints one JSON line: what was thrown, what was lost (blocks the client saw acknowledged
 * that the server, restarted, does not hold a valid proof for: must be none), blocks accepted
 * twice, forged receipts answered, the server's heap (from its GC log), blocked-thread warnings,
 * and the client's blocks per minute in each phase; fails unless the counts that must be zero
 * are. Logs and data stay in target/soak. Not part of {@code make test} (the name does not end
 * in Test).
 */
class SoakRun {

  private static final Pattern ANY_PAUSE = Pattern.compile("Pause .*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  /** After G1's remark, the heap holds what the marking found live (plus what was allocated meanwhile). */
  private static final Pattern REMARK = Pattern.compile("Pause Remark (\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern ACCEPTED_BY_SERVER = Pattern.compile("block (\\d+): proof accepted by the server");
  private static final Pattern STORED = Pattern.compile("block (\\d+): \\w+ receipt accepted");
  private static final String SERVER_HEAP = "-Xmx512m";

  /** Logs, chain and data directories, left for a look after the run (emptied at its start). */
  private final Path dir = Path.of("target", "soak").toAbsolutePath();

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  private Process client;
  private int clientRuns;

  @Test
  void soak() throws Exception {
    long seconds = Long.getLong("soak.seconds", 180);
    deleteTree(dir);
    Files.createDirectories(dir);
    long phaseSeconds = Math.max(10, seconds / 3);
    int blocks = (int) Math.min(1500, Math.max(100, seconds * 4));
    Path chain = dir.resolve("chain");
    new ChainRole(new PrintStream(OutputStream.nullOutputStream())).run(new String[] {"generate", "--accounts", "16",
        "--blocks", String.valueOf(blocks), "--txs-per-block", "10", "--out", chain.toString()});
    int port = RoleProcesses.freePort();
    Path serverLog = dir.resolve("server.log");
    Path gcLog = dir.resolve("server-gc.log");
    Process server = roles.start(serverLog, Map.of("PROVER_DEV_MODE", "true",
            "PROVER_DATA_DIR", dir.resolve("server").toString(), "PROVER_SERVER_LISTEN_PORT", String.valueOf(port)),
        List.of(SERVER_HEAP, "-Xlog:gc:file=" + gcLog), "server", "--genesis", chain.resolve("genesis.json").toString(),
        "--chain", chain.resolve("chain.rlp").toString());
    RoleProcesses.awaitLine(server, serverLog, "prover server on 127.0.0.1:" + port);
    Path proofs = dir.resolve("server").resolve("server").resolve("proofs");

    startClient(port);
    awaitCount(proofs, 1);
    double quietRate = blocksPerMinute(proofs, phaseSeconds, () -> { });

    HostileMix mix = new HostileMix(port, blocks).start(20, 20, 2, 2, 2);
    double attackRate = blocksPerMinute(proofs, phaseSeconds, () -> { });
    // Then the client is also killed (SIGKILL) and started again: at once, and again each time it
    // has proven a block since its restart, at most twice.
    long killEvery = phaseSeconds / 3;
    int[] kills = {0};
    long killStart = System.nanoTime();
    JsonArray recoveries = new JsonArray();
    long[] restarted = {0, 0};
    double killRate = blocksPerMinute(proofs, phaseSeconds, () -> {
      long now = System.nanoTime();
      int stored = storedCount(proofs);
      if (restarted[0] != 0 && stored > restarted[1]) {
        recoveries.add(Math.round((now - restarted[0]) / 1e8) / 10.0);
        restarted[0] = 0;
      }
      if (kills[0] < 2 && restarted[0] == 0 && (now - killStart) / 1_000_000_000L >= kills[0] * killEvery) {
        kills[0]++;
        restartClient(port);
        // Counted once the old process is gone: a proof it had in flight is not the new one's.
        restarted[0] = System.nanoTime();
        restarted[1] = storedCount(proofs);
      }
    });
    Map<String, Long> thrown = mix.stop();
    client.destroyForcibly().waitFor();
    server.destroy();
    server.waitFor(30, TimeUnit.SECONDS);

    Set<Long> acknowledged = acknowledgedToTheClient();
    long stillValid = provenAfterRestart(chain);
    Set<Long> stored = numbers(proofs);
    Set<Long> lost = new TreeSet<>(acknowledged);
    lost.removeAll(stored);
    long acceptedTwice = acceptedMoreThanOnce(serverLog);
    String serverText = Files.readString(serverLog);
    long blockedWarnings = count(serverText, "has been blocked for");
    JsonObject summary = new JsonObject()
        .put("seconds_per_phase", phaseSeconds)
        .put("chain_blocks", blocks)
        .put("client", "one process, dev mode (block guest executed in the zkVM executor, fake receipts)")
        .put("thrown", new JsonObject(new HashMap<>(thrown)).put("client_kills", kills[0]))
        .put("blocks_acknowledged", acknowledged.size())
        .put("blocks_stored", stored.size())
        .put("stored_proofs_valid_after_restart", stillValid)
        .put("lost", lost.size())
        .put("accepted_twice", acceptedTwice)
        .put("server_heap_mib", new JsonObject()
            .put("limit", SERVER_HEAP)
            .put("peak_before_a_collection", gcPeak(gcLog, ANY_PAUSE, 1))
            .put("largest_after_a_young_collection", gcPeak(gcLog, ANY_PAUSE, 2))
            .put("largest_live_after_marking", gcPeak(gcLog, REMARK, 2))
            .put("full_collections", count(Files.exists(gcLog) ? Files.readString(gcLog) : "", "Pause Full")))
        .put("server_log_lines", serverText.lines().count())
        .put("blocked_thread_warnings", blockedWarnings)
        .put("seconds_from_client_restart_to_its_next_proof", recoveries)
        .put("blocks_per_minute", new JsonObject().put("quiet", round(quietRate)).put("under_attack", round(attackRate))
            .put("under_attack_with_client_kills", round(killRate)));
    String line = summary.encode();
    System.out.println("SOAK " + line);
    Files.writeString(Path.of("target", "soak-summary.json"), line + "\n");

    assertThat(lost).as("blocks acknowledged to the client without a stored proof").isEmpty();
    assertThat(stillValid).as("stored proofs that still prove their block").isEqualTo(stored.size());
    assertThat(acceptedTwice).as("blocks accepted twice").isZero();
    assertThat(thrown.getOrDefault("forged_receipts_answered", 0L)).as("forged receipts answered").isZero();
    assertThat(blockedWarnings).as("Vert.x blocked-thread warnings in the server's log").isZero();
    assertThat(acknowledged).isNotEmpty();
  }

  private void startClient(int port) throws IOException {
    clientRuns++;
    client = roles.start(dir.resolve("client-" + clientRuns + ".log"), Map.of("PROVER_DEV_MODE", "true",
        "PROVER_DATA_DIR", dir.resolve("client").toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port), "client");
  }

  private void restartClient(int port) {
    try {
      client.destroyForcibly().waitFor();
      startClient(port);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot restart the client", e);
    }
  }

  /** Stored proofs per minute over {@code seconds}, calling {@code tick} every second. */
  private static double blocksPerMinute(Path proofs, long seconds, Runnable tick) throws Exception {
    long start = System.nanoTime();
    int before = numbers(proofs).size();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Thread.sleep(1_000);
      tick.run();
    }
    int after = numbers(proofs).size();
    return (after - before) * 60.0 / ((System.nanoTime() - start) / 1e9);
  }

  private static int storedCount(Path proofs) {
    try {
      return numbers(proofs).size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitCount(Path proofs, int count) throws Exception {
    for (int i = 0; i < 1200 && numbers(proofs).size() < count; i++) {
      Thread.sleep(100);
    }
  }

  /** Block numbers of the proof files in {@code proofs}. */
  private static Set<Long> numbers(Path proofs) throws IOException {
    Set<Long> blocks = new TreeSet<>();
    if (!Files.isDirectory(proofs)) {
      return blocks;
    }
    try (Stream<Path> files = Files.list(proofs)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.matches("block-\\d+\\.json"))
          .forEach(n -> blocks.add(Long.parseLong(n.substring(6, n.length() - 5))));
    }
    return blocks;
  }

  /** Every block any run of the client logged as accepted by the server. */
  private Set<Long> acknowledgedToTheClient() throws IOException {
    Set<Long> blocks = new TreeSet<>();
    for (int run = 1; run <= clientRuns; run++) {
      Matcher m = ACCEPTED_BY_SERVER.matcher(Files.readString(dir.resolve("client-" + run + ".log")));
      while (m.find()) {
        blocks.add(Long.parseLong(m.group(1)));
      }
    }
    return blocks;
  }

  /** How many stored proofs a server started again on the same directory counts (it checks each like a Submit). */
  private long provenAfterRestart(Path chain) throws Exception {
    ProvableChainSource source = ChainFiles.load(chain.resolve("genesis.json"), chain.resolve("chain.rlp"));
    Vertx vertx = Vertx.vertx();
    try {
      Services.registerCodecs(vertx.eventBus());
      var server = Services.deployServer(vertx, dir.resolve("server"),
          new ServerSettings("127.0.0.1", 0, true, ProverConfig.from(ConfigLoader.defaults(), Map.of()).serverLimits()),
          source).await(120, TimeUnit.SECONDS);
      return server.provenCount();
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static long acceptedMoreThanOnce(Path serverLog) throws IOException {
    Map<Long, Integer> times = new HashMap<>();
    Matcher m = STORED.matcher(Files.readString(serverLog));
    while (m.find()) {
      times.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
    }
    return times.values().stream().filter(n -> n > 1).count();
  }

  /** The largest heap figure of the GC log's {@code pause} lines: group 1 before the pause, group 2 after. */
  private static long gcPeak(Path gcLog, Pattern pause, int group) throws IOException {
    long peak = 0;
    Matcher m = pause.matcher(Files.exists(gcLog) ? Files.readString(gcLog) : "");
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(group)));
    }
    return peak;
  }

  private static long count(String text, String needle) {
    return text.isEmpty() ? 0 : text.split(Pattern.quote(needle), -1).length - 1;
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

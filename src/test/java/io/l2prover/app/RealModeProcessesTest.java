package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.guest.BlockGuest;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProofDataCodec;
import io.l2prover.server.StoredProof;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real mode (the default: no PROVER_DEV_MODE anywhere) across processes: a server over blocks 1
 * and 2 of the load test and a client prove both blocks into composite receipts, in segments of
 * 2^17 cycles on two segment workers, and the server verifies both. The client is killed with
 * SIGKILL once a segment of block 2 is checkpointed; started again, it loads those segments
 * (verified, not proven again) and proves only the rest. Then forged receipts (another program,
 * a changed journal, a flipped seal byte, another block's receipt, a fake one) are refused by the
 * server process, each counted under its reason, and the server keeps serving.
 */
class RealModeProcessesTest {

  /**
   * A block of the load test (about 91,000 cycles with the Keccak chip) is 3 segments of at most
   * 2^15 cycles: several, so a resume has work left, and few, since every segment carries fixed
   * tables (2^16 rows of bytes) whatever its size.
   */
  private static final String SEGMENT_PO2 = "15";
  /** Long: proving a block takes a minute on two free cores, and CI machines are shared. */
  private static final Duration PROVING_WAIT = Duration.ofMinutes(20);
  private static final Pattern BLOCK_2_SEGMENT_PROVEN = Pattern.compile("block 2: segment (\\d+) \\(\\d+ cycles\\) proven by");

  @TempDir
  Path dir;

  @RegisterExtension
  final RoleProcesses roles = new RoleProcesses();

  @Test
  void blocksOneAndTwoAreProvenAndVerifiedAcrossProcessesAKilledClientResumesAndForgeriesAreRefused()
      throws Exception {
    Path genesis = TestData.require("genesis-l2.json");
    Path twoBlocks = dir.resolve("blocks-1-2.rlp");
    ChainFile.write(twoBlocks, ChainFile.read(TestData.require("l2-loadtest.rlp")).subList(0, 2));
    // Another program's valid receipt, for a forgery; proven meanwhile (seconds).
    CompletableFuture<Receipt> hello = CompletableFuture.supplyAsync(RealModeProcessesTest::helloReceipt);

    int port = RoleProcesses.freePort();
    int serverMetrics = RoleProcesses.freePort();
    Path serverLog = dir.resolve("server.log");
    Process server = roles.start(serverLog, Map.of("PROVER_DATA_DIR", dir.resolve("server").toString(),
        "PROVER_SERVER_LISTEN_PORT", String.valueOf(port), "PROVER_METRICS_PORT", String.valueOf(serverMetrics)),
        "server", "--genesis", genesis.toAbsolutePath().toString(), "--chain", twoBlocks.toString());
    RoleProcesses.awaitMatch(server, serverLog, Pattern.compile(Pattern.quote("prover server on 127.0.0.1:" + port)),
        PROVING_WAIT);
    assertThat(Files.readString(serverLog)).contains("real mode: a Submit is accepted only with a composite receipt");

    Map<String, String> clientEnv = new HashMap<>(Map.of("PROVER_DATA_DIR", dir.resolve("client").toString(),
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:" + port, "PROVER_CLIENT_INTERVAL_MS", "200",
        "PROVER_SEGMENT_PO2", SEGMENT_PO2, "PROVER_WORKERS", "2", "PROVER_GPU", "off",
        "PROVER_PROGRESS_INTERVAL_MS", "10000"));
    Path firstLog = dir.resolve("client-1.log");
    Process first = roles.start(firstLog, clientEnv, "client");
    int checkpointed = Integer.parseInt(
        RoleProcesses.awaitMatch(first, firstLog, BLOCK_2_SEGMENT_PROVEN, PROVING_WAIT).group(1));
    first.destroyForcibly().waitFor();
    String firstRun = Files.readString(firstLog);
    Matcher plan = Pattern.compile("block 2: \\d+ cycles in (\\d+) segments of at most 2\\^" + SEGMENT_PO2)
        .matcher(firstRun);
    assertThat(plan.find()).as(firstRun).isTrue();
    int segments = Integer.parseInt(plan.group(1));
    assertThat(segments).isGreaterThan(2);
    assertThat(firstRun).contains("block 1: proof accepted by the server")
        .containsPattern("block 1: \\d+ cycles in \\d+ segments proven and verified");
    assertThat(Files.readString(serverLog)).contains("block 1: composite receipt accepted");

    int clientMetrics = RoleProcesses.freePort();
    clientEnv.put("PROVER_METRICS_PORT", String.valueOf(clientMetrics));
    Path secondLog = dir.resolve("client-2.log");
    Process second = roles.start(secondLog, clientEnv, "client");
    RoleProcesses.awaitMatch(second, secondLog, Pattern.compile("no block from 3 on to prove yet"), PROVING_WAIT);
    String secondRun = Files.readString(secondLog);
    Matcher resumed = Pattern.compile("block 2: resuming: checkpoints of segments \\[([0-9, ]+)] found")
        .matcher(secondRun);
    assertThat(resumed.find()).as("the restarted client resumes block 2:\n%s", secondRun).isTrue();
    List<Integer> loaded = Arrays.stream(resumed.group(1).split(", ")).map(Integer::parseInt).toList();
    assertThat(loaded).contains(checkpointed);
    for (int k : loaded) {
      assertThat(secondRun).doesNotContain("block 2: segment " + k + " (");
    }
    assertThat(secondRun).contains("starting at block 2")
        .containsPattern("block 2: \\d+ cycles in " + segments + " segments proven and verified in \\d+ ms \\("
            + loaded.size()
            + " from checkpoints")
        .doesNotContain("block 1:");
    assertThat(get(clientMetrics)).contains("l2prover_segments_from_checkpoints_total " + loaded.size() + "\n",
        "l2prover_segments_proven_total " + (segments - loaded.size()) + "\n");
    assertThat(Files.readString(serverLog)).contains("block 2: composite receipt accepted", "2 of 2 blocks done");

    refusesForgeries(port, hello.join());
    assertThat(get(serverMetrics)).contains("l2prover_server_proofs_accepted_total 2\n",
        rejected("wrong_image", 2), rejected("journal_mismatch", 1), rejected("fake_refused", 1),
        rejected("invalid_proof", 2), rejected("bad_encoding", 1), rejected("unknown_block", 0));
  }

  /** Each forgery gets no reply (no SubmitAck); a Request and the genuine receipt are still answered. */
  private void refusesForgeries(int port, Receipt hello) throws Exception {
    Receipt one = storedReceipt(1);
    Bytes journal = one.journal();
    byte[] changedJournal = journal.toArray();
    changedJournal[changedJournal.length - 1] ^= 1;
    byte[] flipped = one.seal().toArray();
    // Inside the last proof (the memory's), past every length field: the proof no longer verifies.
    flipped[flipped.length - 100] ^= 0x10;
    byte[] trailing = Arrays.copyOf(one.seal().toArray(), one.seal().length() + 1);
    var guest = BlockGuest.bundled().imageId();
    List<Receipt> forgeries = List.of(
        hello,
        new Receipt(ReceiptKind.COMPOSITE, guest, journal, hello.seal(), "another program's proof as the block guest's"),
        new Receipt(ReceiptKind.COMPOSITE, guest, Bytes.of(changedJournal), one.seal(), "changed journal"),
        new Receipt(ReceiptKind.COMPOSITE, guest, journal, Bytes.of(flipped), "flipped byte"),
        new Receipt(ReceiptKind.COMPOSITE, guest, journal, Bytes.of(trailing), "a byte more"),
        new Receipt(ReceiptKind.FAKE, guest, journal, Bytes.EMPTY, "fake"));
    for (Receipt forged : forgeries) {
      assertThat(send(port, new ProofData.Submit(1, forged))).as(forged.note()).isEmpty();
    }
    // Block 1's receipt for block 2: it verifies, but proves another block.
    assertThat(send(port, new ProofData.Submit(2, one))).isEmpty();
    assertThat(send(port, new ProofData.Request(3))).contains("Response");
    assertThat(send(port, new ProofData.Submit(1, one))).contains("SubmitAck");
  }

  private Receipt storedReceipt(long block) throws Exception {
    Path file = dir.resolve("server").resolve("server").resolve("proofs").resolve("block-" + block + ".json");
    return StoredProof.fromJson(new JsonObject(Files.readString(file))).receipt();
  }

  private static Receipt helloReceipt() {
    return new CompositeProver(new CpuBackend()).prove(Program.fromElf(Guests.bundled("hello")), new byte[0],
        ExecutorOptions.defaults().withPo2(12).withOutput(OutputStream.nullOutputStream(),
            OutputStream.nullOutputStream()), step -> { }).receipt();
  }

  private static String rejected(String reason, int count) {
    return "l2prover_server_submits_rejected_total{reason=\"" + reason + "\"} " + count + "\n";
  }

  /** One message on its own connection, as a prover sends it; the reply, or "" when the server closed without one. */
  private static String send(int port, ProofData message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(120_000);
      socket.getOutputStream().write(ProofDataCodec.encode(message).getBytes());
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String get(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}

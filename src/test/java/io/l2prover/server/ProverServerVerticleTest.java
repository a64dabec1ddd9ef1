package io.l2prover.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.Services;
import io.l2prover.guest.BlockGuest;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProtocolClient;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.ExecutingDevProver;
import io.l2prover.proving.ProvingJob;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ProverServerVerticleTest {

  private static final ProtocolLimits LIMITS =
      new ProtocolLimits(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(2), 8);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private ProvableChainSource chain;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    Services.registerCodecs(vertx.eventBus());
    chain = TestChains.small(4, 7);
  }

  private ProverServerVerticle start(boolean devMode) throws Exception {
    return start(devMode, chain);
  }

  private ProverServerVerticle start(boolean devMode, ChainSource source) throws Exception {
    return start(new ServerSettings("127.0.0.1", 0, devMode, LIMITS), source);
  }

  private ProverServerVerticle start(ServerSettings settings, ChainSource source) throws Exception {
    ProverServerVerticle server =
        new ProverServerVerticle(source, new ProofStore(dataDir, AtomicFileWriter.durable()), settings);
    vertx.deployVerticle(server).await(5, TimeUnit.SECONDS);
    return server;
  }

  private ProofData exchange(ProverServerVerticle server, ProofData message) throws Exception {
    ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), LIMITS);
    try {
      return client.exchange(message).await(5, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }

  private Receipt proofOf(long block) throws Exception {
    return new DevProver().prove(new ProvingJob(block, chain.input(block)));
  }

  /** The block handed out to an anonymous Request (a prover of its own), -1 for none. */
  private long servedBlock(ProverServerVerticle server, long asked) throws Exception {
    return servedBlock(server, asked, null);
  }

  private long servedBlock(ProverServerVerticle server, long asked, String prover) throws Exception {
    ProofData.Response response = (ProofData.Response) exchange(server, new ProofData.Request(asked, prover));
    return response.isEmpty() ? -1 : response.blockNumber();
  }

  @Test
  void servesTheFirstUnprovenBlockAndAcknowledgesValidProofs() throws Exception {
    ProverServerVerticle server = start(true);
    ProofData.Response response = (ProofData.Response) exchange(server, new ProofData.Request(1, "a"));
    assertThat(response.blockNumber()).isEqualTo(1);
    assertThat(response.input()).isEqualTo(chain.input(1));
    assertThat(servedBlock(server, 0, "a")).as("the same prover asking again").isEqualTo(1);

    ProofData ack = exchange(server, new ProofData.Submit(1, proofOf(1)));
    assertThat(ack).isEqualTo(new ProofData.SubmitAck(chain.header(1)));
    assertThat(((ProofData.SubmitAck) ack).blockHeader().getString("number")).isEqualTo("0x1");

    // A client that lost its state asks for 1 again and gets the next block that needs a proof.
    assertThat(servedBlock(server, 1, "b")).isEqualTo(2);
    assertThat(servedBlock(server, 3, "c")).isEqualTo(3);
    assertThat(servedBlock(server, 1, "d")).as("below the block asked for when that is the lowest free").isEqualTo(4);
    assertThat(servedBlock(server, 5, "e")).as("every block proven or leased").isEqualTo(-1);
  }

  @Test
  void eachProverIsLeasedADifferentBlockAndGetsItsOwnAgain() throws Exception {
    ProverServerVerticle server = start(true);
    assertThat(servedBlock(server, 1, "a")).isEqualTo(1);
    assertThat(servedBlock(server, 1, "b")).isEqualTo(2);
    // A Request without an ID gets the lowest free block and leases nothing (an older client).
    assertThat(servedBlock(server, 1)).isEqualTo(3);
    assertThat(servedBlock(server, 1)).isEqualTo(3);
    assertThat(servedBlock(server, 1, "c")).isEqualTo(3);
    assertThat(servedBlock(server, 1)).isEqualTo(4);
    assertThat(servedBlock(server, 7, "b")).as("b restarted and asks again").isEqualTo(2);
    assertThat(servedBlock(server, 1, "d")).isEqualTo(4);
    assertThat(servedBlock(server, 1, "e")).isEqualTo(-1);
    assertThat(servedBlock(server, 1)).isEqualTo(-1);
    // Block 2 proven while leased to b: a proof is a proof, and the lease ends.
    exchange(server, new ProofData.Submit(2, proofOf(2)));
    assertThat(servedBlock(server, 3, "b")).as("b's lease ended with the proof; nothing else is free").isEqualTo(-1);
    assertThat(server.provenCount()).isEqualTo(1);
  }

  @Test
  void anExpiredLeaseIsHandedOutAgain() throws Exception {
    ProverServerVerticle server = start(new ServerSettings("127.0.0.1", 0, true, LIMITS)
        .withLeaseTime(Duration.ofMillis(200)), chain);
    assertThat(servedBlock(server, 1, "dead")).isEqualTo(1);
    long handed = servedBlock(server, 1, "alive");
    assertThat(handed).isEqualTo(2);
    // Once "dead"'s lease has run out, the lowest free block is its block 1 again.
    for (int i = 0; i < 500 && handed != 1; i++) {
      Thread.sleep(20);
      handed = servedBlock(server, 3, "other-" + i);
    }
    assertThat(handed).isEqualTo(1);
    // "dead" comes back: block 1 is leased to another now, so it gets what is still free.
    assertThat(servedBlock(server, 1, "dead")).isNotEqualTo(1);
    assertThat(exchange(server, new ProofData.Submit(1, proofOf(1)))).isEqualTo(new ProofData.SubmitAck(chain.header(1)));
  }

  @Test
  void acceptsTheExecutedBlockGuestsReceiptForItsBlockOnly() throws Exception {
    ProverServerVerticle server = start(true);
    var prover = new ExecutingDevProver(BlockGuest.bundled(), ExecutorOptions.defaults());
    Receipt receipt = prover.prove(new ProvingJob(1, chain.input(1)));
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(2, receipt)))
        .hasMessageContaining("connection closed");
    assertThat(exchange(server, new ProofData.Submit(1, receipt))).isEqualTo(new ProofData.SubmitAck(chain.header(1)));
  }

  @Test
  void aSubmitForAProvenBlockIsAcknowledgedAgainOnlyIfItsReceiptProvesTheBlock() throws Exception {
    ProverServerVerticle server = start(true);
    ProofData first = exchange(server, new ProofData.Submit(2, proofOf(2)));
    assertThat(exchange(server, new ProofData.Submit(2, proofOf(2)))).isEqualTo(first);
    // Another valid receipt (the executed block guest's) is acknowledged; the stored one stays.
    Receipt executed = new ExecutingDevProver(BlockGuest.bundled(), ExecutorOptions.defaults())
        .prove(new ProvingJob(2, chain.input(2)));
    assertThat(exchange(server, new ProofData.Submit(2, executed))).isEqualTo(first);
    // A forged one gets no ack, proven block or not.
    Receipt forged = new Receipt(ReceiptKind.FAKE, ImageId.DEV_INPUT_DIGEST, Bytes.of(new byte[32]), Bytes.EMPTY, "");
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(2, forged)))
        .hasMessageContaining("connection closed");
    assertThat(server.provenCount()).isEqualTo(1);
    vertx.undeploy(server.deploymentID()).await(5, TimeUnit.SECONDS);
    assertThat(new ProofStore(dataDir, AtomicFileWriter.durable()).open(chain.chainId()).get(2L).receipt())
        .isEqualTo(proofOf(2));
  }

  @Test
  void twoSubmitsOfOneBlockAtOnceAreAcceptedOnce() throws Exception {
    ProverServerVerticle server = start(true);
    java.util.List<SubmitOutcome> outcomes = outcomes();
    ProtocolClient one = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), LIMITS);
    ProtocolClient two = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), LIMITS);
    Receipt executed = new ExecutingDevProver(BlockGuest.bundled(), ExecutorOptions.defaults())
        .prove(new ProvingJob(3, chain.input(3)));
    var first = one.exchange(new ProofData.Submit(3, proofOf(3)));
    var second = two.exchange(new ProofData.Submit(3, executed));
    assertThat(first.await(10, TimeUnit.SECONDS)).isEqualTo(second.await(10, TimeUnit.SECONDS));
    assertThat(outcomes).filteredOn(SubmitOutcome::accepted).hasSize(1);
    assertThat(server.provenCount()).isEqualTo(1);
  }

  @Test
  void rejectsReceiptsThatDoNotProveTheBlockAndKeepsServing() throws Exception {
    ProverServerVerticle server = start(true);
    java.util.List<SubmitOutcome> outcomes = outcomes();
    // The proof of block 2 submitted as block 3: its journal is another input's.
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(3, proofOf(2))))
        .hasMessageContaining("connection closed by the server without a reply");
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(9, proofOf(2))))
        .hasMessageContaining("connection closed");
    Receipt otherImage = new Receipt(ReceiptKind.FAKE, ImageId.fromHex("0x" + "11".repeat(32)),
        proofOf(1).journal(), Bytes.EMPTY, "");
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(1, otherImage)))
        .hasMessageContaining("connection closed");
    Receipt sealed = new Receipt(ReceiptKind.FAKE, ImageId.DEV_INPUT_DIGEST, proofOf(1).journal(), Bytes.of(new byte[1]),
        "");
    Receipt garbage = new Receipt(ReceiptKind.COMPOSITE, BlockGuest.bundled().imageId(), proofOf(1).journal(),
        Bytes.of(new byte[] {'L', '2'}), "");
    for (Receipt bad : java.util.List.of(sealed, garbage)) {
      assertThatThrownBy(() -> exchange(server, new ProofData.Submit(1, bad))).hasMessageContaining("connection closed");
    }
    // Each rejection is counted under its reason.
    awaitSize(outcomes, 5);
    assertThat(outcomes).extracting(o -> o.rejection().orElseThrow()).containsExactly(
        SubmitRejection.JOURNAL_MISMATCH, SubmitRejection.UNKNOWN_BLOCK, SubmitRejection.WRONG_IMAGE,
        SubmitRejection.BAD_ENCODING, SubmitRejection.BAD_ENCODING);
    // Messages only a server sends are refused too.
    assertThatThrownBy(() -> exchange(server, new ProofData.SubmitAck(new JsonObject().put("number", "0x1"))))
        .hasMessageContaining("connection closed");
    assertThat(server.provenCount()).isZero();
    assertThat(servedBlock(server, 1)).isEqualTo(1);
  }

  @Test
  void withoutDevModeFakeReceiptsAreRejected() throws Exception {
    ProverServerVerticle server = start(false);
    java.util.List<SubmitOutcome> outcomes = outcomes();
    assertThatThrownBy(() -> exchange(server, new ProofData.Submit(1, proofOf(1))))
        .hasMessageContaining("connection closed");
    assertThat(server.provenCount()).isZero();
    awaitSize(outcomes, 1);
    assertThat(outcomes).extracting(o -> o.rejection().orElseThrow()).containsExactly(SubmitRejection.FAKE_REFUSED);
  }

  /** Waits (a few seconds at most) for {@code n} outcomes: they are published as the reply goes out. */
  private static void awaitSize(java.util.List<?> list, int n) throws InterruptedException {
    for (int i = 0; i < 500 && list.size() < n; i++) {
      Thread.sleep(10);
    }
  }

  /** The Submit outcomes the server publishes from now on. */
  private java.util.List<SubmitOutcome> outcomes() throws Exception {
    java.util.List<SubmitOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().<SubmitOutcome>localConsumer(io.l2prover.bus.Addresses.SERVER_SUBMITS,
        m -> outcomes.add(m.body())).completion().await(5, TimeUnit.SECONDS);
    return outcomes;
  }

  @Test
  void aRestartedServerKeepsWhatWasProven() throws Exception {
    ProverServerVerticle server = start(true);
    exchange(server, new ProofData.Submit(1, proofOf(1)));
    exchange(server, new ProofData.Submit(2, proofOf(2)));
    vertx.undeploy(server.deploymentID()).await(5, TimeUnit.SECONDS);

    ProverServerVerticle restarted = start(true);
    assertThat(restarted.provenCount()).isEqualTo(2);
    assertThat(servedBlock(restarted, 1)).isEqualTo(3);
    assertThat(exchange(restarted, new ProofData.Submit(2, proofOf(2))))
        .isEqualTo(new ProofData.SubmitAck(chain.header(2)));
  }

  @Test
  void refusesToStartOnAnotherChainsState() throws Exception {
    ProverServerVerticle server = start(true);
    exchange(server, new ProofData.Submit(1, proofOf(1)));
    vertx.undeploy(server.deploymentID()).await(5, TimeUnit.SECONDS);

    assertThatThrownBy(() -> start(true, TestChains.small(4, 8)))
        .hasMessageContaining("belongs to chain " + chain.chainId());
  }

  @Test
  void checksItsStoredProofsAtStartAndProvesAgainWhatNoLongerCounts() throws Exception {
    ProverServerVerticle server = start(true);
    for (long block = 1; block <= 4; block++) {
      exchange(server, new ProofData.Submit(block, proofOf(block)));
    }
    vertx.undeploy(server.deploymentID()).await(5, TimeUnit.SECONDS);
    Path proofs = dataDir.resolve("server").resolve("proofs");
    // Corrupt; another block's proof under this name; its receipt's journal altered; another block hash.
    Files.writeString(proofs.resolve("block-1.json"), "{\"block_number\":1,");
    Files.copy(proofs.resolve("block-3.json"), proofs.resolve("block-2.json"), StandardCopyOption.REPLACE_EXISTING);
    JsonObject third = new JsonObject(Files.readString(proofs.resolve("block-3.json")));
    String journal = third.getJsonObject("receipt").getString("journal");
    third.getJsonObject("receipt").put("journal", journal.substring(0, journal.length() - 2)
        + (journal.endsWith("00") ? "01" : "00"));
    Files.writeString(proofs.resolve("block-3.json"), third.encode());
    JsonObject fourth = new JsonObject(Files.readString(proofs.resolve("block-4.json")));
    Files.writeString(proofs.resolve("block-4.json"), fourth.put("block_hash", "0x" + "ab".repeat(32)).encode());

    ProverServerVerticle restarted = start(true);
    assertThat(restarted.provenCount()).isZero();
    assertThat(servedBlock(restarted, 1)).isEqualTo(1);
    // Proven again, the new proof replaces the file and counts after the next restart.
    exchange(restarted, new ProofData.Submit(1, proofOf(1)));
    vertx.undeploy(restarted.deploymentID()).await(5, TimeUnit.SECONDS);
    assertThat(start(true).provenCount()).isEqualTo(1);
  }

  @Test
  void storedFakeReceiptsDoNotCountWithoutDevModeAndAreKept() throws Exception {
    ProverServerVerticle server = start(true);
    exchange(server, new ProofData.Submit(1, proofOf(1)));
    vertx.undeploy(server.deploymentID()).await(5, TimeUnit.SECONDS);
    ProverServerVerticle strict = start(false);
    assertThat(strict.provenCount()).isZero();
    vertx.undeploy(strict.deploymentID()).await(5, TimeUnit.SECONDS);
    assertThat(start(true).provenCount()).isEqualTo(1);
  }
}

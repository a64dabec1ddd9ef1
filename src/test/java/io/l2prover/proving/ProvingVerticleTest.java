package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.Services;
import io.l2prover.bus.Addresses;
import io.l2prover.guest.GuestInputs;
import io.l2prover.guest.InputDigest;
import io.l2prover.protocol.ExecutionWitness;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProvingVerticleTest {

  static ProverInput input(String blockHex) {
    return new ProverInput(Bytes.fromHex("0x01", "p"), Bytes.fromHex(blockHex, "b"),
        new ExecutionWitness(List.of(Bytes.fromHex("0x02", "n")), List.of(), new JsonObject().put("chainId", 1)));
  }

  @Test
  void devReceiptsCarryTheInputDigestAndSaySo() throws Exception {
    Receipt receipt = new DevProver().prove(new ProvingJob(3, input("0xaa")));
    assertThat(receipt.kind()).isEqualTo(ReceiptKind.FAKE);
    assertThat(receipt.note()).contains("nothing was executed or proven");
    assertThat(ReceiptVerifier.allowingDevMode().verify(receipt, ImageId.DEV_INPUT_DIGEST))
        .isEqualTo(InputDigest.of(input("0xaa")));
    assertThat(InputDigest.of(input("0xaa"))).isNotEqualTo(InputDigest.of(input("0xab")));
    // The guest input is length-prefixed, so moving a byte between fields changes the digest.
    ProverInput shifted = new ProverInput(Bytes.fromHex("0x", "p"), Bytes.fromHex("0x01aa", "b"),
        input("0xaa").witness());
    assertThat(InputDigest.of(shifted)).isNotEqualTo(InputDigest.of(input("0xaa")));
    assertThat(GuestInputs.from(input("0xaa")).chainId()).isEqualTo(1);
    assertThatThrownBy(() -> GuestInputs.from(new ProverInput(Bytes.EMPTY, Bytes.EMPTY,
        new ExecutionWitness(List.of(), List.of(), new JsonObject()))))
        .hasMessageContaining("chain_config.chainId must be a positive integer");
  }

  @Test
  void provesOnWorkerThreadsInParallel(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch bothStarted = new CountDownLatch(2);
    Prover slow = TestProvers.of(job -> {
      threads.add(Thread.currentThread().getName());
      bothStarted.countDown();
      // Two jobs finish only if they run at the same time.
      if (!bothStarted.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("jobs did not run in parallel");
      }
      return new DevProver().prove(job);
    });
    DeploymentOptions options = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName("test-provers").setWorkerPoolSize(2).setInstances(2);
    vertx.deployVerticle(() -> new ProvingVerticle(slow), options).await(5, TimeUnit.SECONDS);
    var first = vertx.eventBus().<ProvingResult>request(Addresses.PROVE, new ProvingJob(1, input("0x01")));
    var second = vertx.eventBus().<ProvingResult>request(Addresses.PROVE, new ProvingJob(2, input("0x02")));
    assertThat(first.await(10, TimeUnit.SECONDS).body().blockNumber()).isEqualTo(1);
    assertThat(second.await(10, TimeUnit.SECONDS).body().receipt().journal()).isEqualTo(InputDigest.of(input("0x02")));
    assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("test-provers"));
  }

  @Test
  void refusesToStartOnAnEventLoop(Vertx vertx) {
    assertThatThrownBy(() -> vertx.deployVerticle(new ProvingVerticle(new DevProver())).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("ProvingVerticle must be deployed with ThreadingModel.WORKER");
  }

  @Test
  void aFailingProverFailsTheRequestWithItsReason(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    Prover broken = TestProvers.of(job -> {
      throw new IllegalArgumentException("block 4 spends more gas than its limit");
    });
    vertx.deployVerticle(new ProvingVerticle(broken), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .await(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.PROVE, new ProvingJob(4, input("0x04")))
        .await(5, TimeUnit.SECONDS)).hasMessageContaining("proving block 4 failed: block 4 spends more gas");
  }
}

package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.app.Services;
import io.l2prover.bus.Addresses;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROVER_GPU_DEVICES: an engine with one backend per device deploys one segment worker per device,
 * each proving on its own backend (stand-ins that count their calls), whatever PROVER_WORKERS says.
 */
class PerDeviceWorkersTest {

  @TempDir
  Path dataDir;

  /** The CPU reference under another name, counting its LDEs: what a device's backend would do. */
  private static final class Device implements ComputeBackend {
    private final CpuBackend cpu = new CpuBackend();
    final AtomicInteger ldes = new AtomicInteger();

    @Override
    public String name() {
      return "device";
    }

    @Override
    public int[] cosetLde(int[] evaluations, int width, int logHeight, int logBlowup, int shift) {
      ldes.incrementAndGet();
      return cpu.cosetLde(evaluations, width, logHeight, logBlowup, shift);
    }

    @Override
    public int[] hashLeaves(int[][] matrices, int[] widths, int height) {
      return cpu.hashLeaves(matrices, widths, height);
    }

    @Override
    public int[][] merkleLayers(int[] leafDigests, int logLeaves) {
      return cpu.merkleLayers(leafDigests, logLeaves);
    }

    @Override
    public int[] foldFri(int[] codeword, int logSize, int shift, int[] beta) {
      return cpu.foldFri(codeword, logSize, shift, beta);
    }

    @Override
    public int[] evaluateQuotient(QuotientTask task) {
      return cpu.evaluateQuotient(task);
    }
  }

  /** The hello guest as the prover of a service: its segments go to the workers. */
  private static final class HelloProver implements Prover, SegmentedGuest {
    private final HelloGuest guest = HelloGuest.INSTANCE;

    @Override
    public String description() {
      return "hello";
    }

    @Override
    public io.l2prover.zkvm.receipt.ImageId imageId() {
      return guest.imageId();
    }

    @Override
    public io.l2prover.zkvm.receipt.Receipt prove(ProvingJob job) {
      throw new UnsupportedOperationException("proven segment by segment");
    }

    @Override
    public io.l2prover.zkvm.exec.Program program() {
      return guest.program();
    }

    @Override
    public io.l2prover.zkvm.exec.ExecutorOptions options() {
      return guest.options();
    }

    @Override
    public byte[] input(ProvingJob job) {
      return guest.input(job);
    }

    @Override
    public void accept(io.l2prover.zkvm.exec.ExecutionResult run, long blockNumber) {
      guest.accept(run, blockNumber);
    }
  }

  @Test
  void eachDeviceGetsAWorkerOfItsOwn() throws Exception {
    Device first = new Device();
    Device second = new Device();
    HelloGuest guest = HelloGuest.INSTANCE;
    ProvingEngine engine = new ProvingEngine(new HelloProver(), List.of(first, second));
    assertThat(engine.describe()).endsWith("compute backend: device (2 devices, one worker each)");
    Vertx vertx = Vertx.vertx();
    try {
      Services.registerCodecs(vertx.eventBus());
      // PROVER_WORKERS=1, but two devices: two workers.
      Services.deployProvingWorkers(vertx, 1, engine, dataDir,
          new SegmentSettings(Duration.ofMinutes(5), SegmentSettings.DEFAULT_ATTEMPTS, Duration.ofSeconds(1), 1))
          .await(30, TimeUnit.SECONDS);
      int coordinator = first.ldes.get();
      ProvingResult result = vertx.eventBus().<ProvingResult>request(Addresses.PROVE,
          new ProvingJob(7, ProvingVerticleTest.input("0xaa")), new DeliveryOptions().setSendTimeout(300_000))
          .await(300, TimeUnit.SECONDS).body();
      byte[] cpu = ReceiptFile.encode(new CompositeProver(new CpuBackend())
          .prove(guest.program(), new byte[0], guest.options(), s -> { }).receipt());
      assertThat(ReceiptFile.encode(result.receipt())).isEqualTo(cpu);
      // The segments' commits go round-robin to the two workers: each device proved some.
      assertThat(first.ldes.get()).isGreaterThan(coordinator);
      assertThat(second.ldes.get()).isPositive();
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}

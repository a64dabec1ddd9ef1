package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.l2prover.bus.Addresses;
import io.l2prover.metrics.MetricsVerticle;
import io.l2prover.protocol.ExecutionWitness;
import io.l2prover.protocol.ProverInput;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.proving.ProvingJob;
import io.l2prover.proving.ProvingResult;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** PROVER_GPU from the configuration to the backend the proving workers hold and the metrics report. */
@ExtendWith(VertxExtension.class)
class ServicesBackendTest {

  private static final CudaProbe NO_GPU = () -> CudaStatus.unusable("no CUDA device");

  @TempDir
  Path dir;

  private static ProverConfig config(String gpu) {
    return ProverConfig.from(ConfigLoader.defaults().put("PROVER_GPU", gpu).put("PROVER_DEV_MODE", true)
        .put("PROVER_DEV_EXECUTE", false)
        // Nothing listens on port 1: the client loop only retries, the test talks to the workers.
        .put("PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:1"), Map.of("XDG_DATA_HOME", "/unused"));
  }

  @Test
  void autoStartsOnThisMachinesBackendAndReportsIt(Vertx vertx) throws Exception {
    // The real probe: on a machine without a usable GPU (CI, development) this is the CPU.
    String expected = CudaProbe.jcuda().probe().usable() ? "cuda" : "cpu";
    ProverConfig config = config("auto");
    ComputeBackend backend = Services.computeBackend(config);
    assertThat(backend.name()).isEqualTo(expected);

    Services.registerCodecs(vertx.eventBus());
    MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0, Optional.of(backend.name()));
    vertx.deployVerticle(metrics).await(5, TimeUnit.SECONDS);
    try (ProvingEngine engine = new ProvingEngine(Services.prover(config, backend), backend)) {
      // The proving workers start with it (no server needed: the client loop just retries).
      Services.deployClient(vertx, dir, 2, config.clientSettings(), engine).await(10, TimeUnit.SECONDS);
      ProvingResult result = vertx.eventBus().<ProvingResult>request(Addresses.PROVE,
          new ProvingJob(1, anInput())).await(10, TimeUnit.SECONDS).body();
      assertThat(result.receipt().note()).isEqualTo(DevProver.NOTE);

      HttpClient http = vertx.createHttpClient();
      assertThat(get(http, metrics.actualPort(), "/metrics")).contains(
          "# TYPE l2prover_backend gauge\n", "l2prover_backend{name=\"" + expected + "\"} 1\n");
      assertThat(get(http, metrics.actualPort(), "/health"))
          .isEqualTo("{\"status\":\"UP\",\"backend\":\"" + expected + "\"}");
    }
  }

  @Test
  void autoWithoutAGpuIsTheCpu() {
    BackendSelector selector = new BackendSelector(NO_GPU, CpuBackend::new);
    assertThat(Services.computeBackend(config("auto"), selector)).isInstanceOf(CpuBackend.class);
    assertThat(Services.computeBackend(config("off"), selector)).isInstanceOf(CpuBackend.class);
  }

  @Test
  void onWithoutAGpuStopsWithOneClearLine() {
    BackendSelector selector = new BackendSelector(NO_GPU, CpuBackend::new);
    assertThatThrownBy(() -> Services.computeBackend(config("on"), selector))
        .isInstanceOf(UserError.class)
        .hasMessage("PROVER_GPU=on but no usable GPU: no CUDA device; install the NVIDIA driver 580+ and run"
            + " with --gpus all, or set PROVER_GPU=auto");
  }

  @Test
  void anInvalidModeIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> config("gpu0"))
        .isInstanceOf(UserError.class).hasMessage("PROVER_GPU='gpu0' is not a GPU mode: use auto, on or off");
  }

  private static ProverInput anInput() {
    return new ProverInput(Bytes.fromHex("0x01", "parent"), Bytes.fromHex("0x02", "block"),
        new ExecutionWitness(List.of(), List.of(), new JsonObject().put("chainId", 1)));
  }

  private static String get(HttpClient client, int port, String path) throws Exception {
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body()))
        .await(5, TimeUnit.SECONDS).toString();
  }
}

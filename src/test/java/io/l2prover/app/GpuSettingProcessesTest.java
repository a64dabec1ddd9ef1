package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROVER_GPU as a user meets it, in real processes on a machine without a usable GPU: {@code auto}
 * proves on the CPU and says so once, {@code on} and an invalid value stop the role at start with
 * one line and exit code 1.
 */
class GpuSettingProcessesTest {

  private static CudaStatus gpu;

  @TempDir
  Path dir;

  private final RoleProcesses roles = new RoleProcesses();

  @BeforeAll
  static void probe() {
    gpu = CudaProbe.jcuda().probe();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    roles.stopAll();
  }

  private Map<String, String> clientEnv(String gpuMode) {
    Map<String, String> env = new HashMap<>(Map.of("PROVER_DEV_MODE", "true", "PROVER_DEV_EXECUTE", "false",
        "PROVER_DATA_DIR", dir.resolve("data").toString(),
        // Nothing listens on port 1: the client starts and retries, which is all these tests need.
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "127.0.0.1:1"));
    env.put("PROVER_GPU", gpuMode);
    return env;
  }

  @Test
  void autoWithoutAGpuStartsOnTheCpuAndReportsIt() throws Exception {
    assumeFalse(gpu.usable(), "this machine has a usable GPU (" + gpu.describe() + ")");
    int metricsPort = RoleProcesses.freePort();
    Map<String, String> env = clientEnv("auto");
    env.put("PROVER_METRICS_PORT", String.valueOf(metricsPort));
    Path log = dir.resolve("auto.log");
    Process client = roles.start(log, env, "client");
    RoleProcesses.awaitLine(client, log, "starting at block 1");
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).filteredOn(line -> line.contains("Proving on the CPU: no usable GPU (")).hasSize(1);
    assertThat(lines).anyMatch(line -> line.contains("compute backend: cpu"));

    HttpClient http = HttpClient.newHttpClient();
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("l2prover_backend{name=\"cpu\"} 1\n");
  }

  @Test
  void onWithoutAGpuStopsTheClientAndTheDemoWithOneLine() throws Exception {
    assumeFalse(gpu.usable(), "this machine has a usable GPU (" + gpu.describe() + ")");
    for (String role : List.of("client", "demo")) {
      String output = runToExit(role, clientEnv("on"), 1);
      assertThat(output.strip()).as(role)
          .startsWith("error: PROVER_GPU=on but no usable GPU: ")
          .endsWith("install the NVIDIA driver 580+ and run with --gpus all, or set PROVER_GPU=auto")
          .doesNotContain("\n");
    }
  }

  /** make perf_gpu's command: the backend is chosen before the chain is read (these files need not exist). */
  @Test
  void onWithoutAGpuStopsBlockProveWithOneLine() throws Exception {
    assumeFalse(gpu.usable(), "this machine has a usable GPU (" + gpu.describe() + ")");
    String output = runToExit("block", clientEnv("on"), 1, "prove", "--genesis", "absent.json", "--chain",
        "absent.rlp", "--number", "1", "--json");
    assertThat(output.strip()).startsWith("error: PROVER_GPU=on but no usable GPU: ").doesNotContain("\n");
  }

  @Test
  void anInvalidValueStopsTheClientNamingTheSetting() throws Exception {
    String output = runToExit("client", clientEnv("maybe"), 1);
    assertThat(output.strip()).isEqualTo("error: PROVER_GPU='maybe' is not a GPU mode: use auto, on or off");
  }

  /** Runs {@code role} with {@code args} to its end and returns its whole output, after checking its exit code. */
  private String runToExit(String role, Map<String, String> env, int exitCode, String... args) throws Exception {
    Path log = dir.resolve(role + "-" + env.get("PROVER_GPU") + ".log");
    List<String> command = new ArrayList<>(List.of(role));
    command.addAll(List.of(args));
    Process process = roles.start(log, env, command.toArray(String[]::new));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exited", role).isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).as("exit code of %s; output:%n%s", role, output).isEqualTo(exitCode);
    return output;
  }
}

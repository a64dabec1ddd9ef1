package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROVER_GPU=on without a usable GPU stops every command that proves the same way, in this JVM
 * with a fake probe: one line, exit code 1, before any work. (GpuSettingProcessesTest checks the
 * same for real client, demo and block prove processes.)
 */
class GpuSettingCommandsTest {

  private static final String ON_WITHOUT_GPU = "PROVER_GPU=on but no usable GPU: no CUDA device; install the"
      + " NVIDIA driver 580+ and run with --gpus all, or set PROVER_GPU=auto";

  @TempDir
  Path dir;

  private final Roles roles = Roles.standard(Map.of("PROVER_GPU", "on"),
      new BackendSelector(() -> CudaStatus.unusable("no CUDA device"), CpuBackend::new));

  @Test
  void theOneShotCommandsThatProveStopWithOneLine() throws Exception {
    Path elf = dir.resolve("guest.elf");
    Files.write(elf, io.l2prover.zkvm.exec.Guests.bundled("sha256"));
    List<String[]> commands = List.of(
        new String[] {"prove", "--elf", elf.toString(), "--out", dir.resolve("r").toString()},
        // make perf_gpu's command: the backend is chosen before the chain is read (these files need not exist).
        new String[] {"block", "prove", "--genesis", "absent.json", "--chain", "absent.rlp", "--number", "1", "--json"},
        new String[] {"bench", "prove", "--po2", "16"},
        new String[] {"bench", "stark", "--log-rows", "4"});
    for (String[] command : commands) {
      assertStopsWithOneLine(command);
    }
  }

  /** The services read PROVER_GPU from their configuration: here a file (the environment, were it set, wins). */
  @Test
  void theServicesThatProveStopWithOneLine() throws Exception {
    assumeTrue(System.getenv("PROVER_GPU") == null, "PROVER_GPU is set in this test's environment");
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"PROVER_GPU\": \"on\", \"PROVER_DATA_DIR\": \"" + dir.resolve("data")
        + "\", \"PROVER_CLIENT_PROVER_SERVER_ENDPOINT\": \"127.0.0.1:1\"}");
    for (String role : List.of("client", "prover-node", "demo")) {
      assertStopsWithOneLine(new String[] {role, "--config", config.toString()});
    }
  }

  private void assertStopsWithOneLine(String[] command) {
    String[] rest = java.util.Arrays.copyOfRange(command, 1, command.length);
    UserError error = catchThrowableOfType(() -> roles.find(command[0]).orElseThrow().run(rest), UserError.class);
    assertThat(error).as(String.join(" ", command)).isNotNull();
    assertThat(error.getMessage()).as(String.join(" ", command)).isEqualTo(ON_WITHOUT_GPU);
    assertThat(error.exitCode()).isEqualTo(1);
  }
}

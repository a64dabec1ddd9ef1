package io.l2prover.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarkBenchTest {

  @TempDir
  Path dir;

  private String runCapturing(String... args) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(BenchRole.standard(CpuBackend::new).run(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void provesVerifiesAndWritesAProofThatVerifiesFromTheFile() throws Exception {
    Path file = dir.resolve("memory.proof");
    String line = runCapturing("stark", "--log-rows", "4", "--air", "memory", "--out", file.toString());
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("air").asText()).isEqualTo("memory");
    assertThat(json.get("log_rows").asInt()).isEqualTo(4);
    assertThat(json.get("proof_bytes").asInt()).isEqualTo((int) Files.size(file));
    assertThat(json.get("security_bits").asInt()).isGreaterThanOrEqualTo(100);
    assertThat(json.get("backend").asText()).isEqualTo("cpu");
    assertThat(json.has("prove_ms") && json.has("verify_ms")).isTrue();

    assertThat(runCapturing("stark", "--verify", file.toString())).startsWith("valid: memory at 2^4 rows");

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Path bad = dir.resolve("bad.proof");
    Files.write(bad, bytes);
    assertThatThrownBy(() -> BenchRole.standard(CpuBackend::new).run(new String[] {"stark", "--verify", bad.toString()}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is invalid")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(1));
  }

  @Test
  void badCommandLinesAreUserErrors() {
    assertThatThrownBy(() -> BenchRole.standard(CpuBackend::new).run(new String[] {"nope"})).isInstanceOf(UserError.class)
        .hasMessageContaining("unknown benchmark");
    assertThatThrownBy(() -> BenchRole.standard(CpuBackend::new).run(new String[] {"stark", "--log-rows", "x"}))
        .isInstanceOf(UserError.class).hasMessageContaining("integer");
    assertThatThrownBy(() -> BenchRole.standard(CpuBackend::new).run(new String[] {"stark", "--log-rows", "4", "--air", "range-check-16"}))
        .isInstanceOf(UserError.class).hasMessageContaining("16..24");
    assertThatThrownBy(() -> BenchRole.standard(CpuBackend::new).run(new String[] {"stark", "--verify", dir.resolve("missing").toString()}))
        .isInstanceOf(UserError.class).hasMessageContaining("cannot read");
  }
}

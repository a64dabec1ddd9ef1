package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.Guests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code execute} command line: flags, summary JSON, exit codes and one-line errors. */
class ExecuteRoleTest {

  @TempDir
  Path dir;

  private Path guest(String name) throws Exception {
    return Files.write(dir.resolve(name + ".elf"), Guests.bundled(name));
  }

  @Test
  void writesTheSummaryAndExitsWithTheGuestsCode() throws Exception {
    Path input = Files.write(dir.resolve("in.bin"), "abc".getBytes());
    Path summary = dir.resolve("summary.json");
    int exit = new ExecuteRole(Map.of()).run(new String[] {"--elf", guest("hello").toString(), "--input",
        input.toString(), "--summary", summary.toString(), "--po2", "8"});
    assertThat(exit).isEqualTo('a');
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("exit_code", "cycles", "segments", "journal", "seconds", "mips");
    assertThat(json.get("exit_code").asInt()).isEqualTo('a');
    long cycles = json.get("cycles").asLong();
    assertThat(json.get("segments").asLong()).isEqualTo((cycles + 255) / 256);
    assertThat(json.get("journal").asText()).startsWith("0x03000000").hasSize(2 + 16);
    assertThat(json.get("seconds").asDouble()).isPositive();
    assertThat(json.get("mips").asDouble()).isPositive();
  }

  @Test
  void po2DefaultsFromTheEnvironment() throws Exception {
    Path summary = dir.resolve("summary.json");
    new ExecuteRole(Map.of(ExecuteRole.PO2_ENV, "10"))
        .run(new String[] {"--elf", guest("loadstore").toString(), "--summary", summary.toString()});
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.get("segments").asLong()).isEqualTo((json.get("cycles").asLong() + 1023) / 1024);
    assertThatThrownBy(() -> new ExecuteRole(Map.of(ExecuteRole.PO2_ENV, "99"))
        .run(new String[] {"--elf", guest("loadstore").toString()}))
        .isInstanceOf(UserError.class).hasMessageContaining("PROVER_SEGMENT_PO2 must be between 4 and 30, got 99");
  }

  @Test
  void guestFaultsAreOneLineUserErrors() throws Exception {
    Path input = Files.write(dir.resolve("in.bin"), new byte[] {7});
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {"--elf", guest("faults").toString(),
        "--input", input.toString(), "--max-cycles", "1000"}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("after 1000 cycles")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExecuteRole.EXIT_GUEST_FAULT));
  }

  @Test
  void badFilesAndFlagsAreUsageErrors() throws Exception {
    Path notElf = Files.writeString(dir.resolve("x.elf"), "not an elf at all, just some text here........................");
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {"--elf", notElf.toString()}))
        .isInstanceOf(UserError.class).hasMessageContaining("invalid guest ELF: not an ELF file");
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {"--elf", dir.resolve("missing").toString()}))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {}))
        .hasMessageContaining("--elf is required");
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {"--elf", notElf.toString(), "--po2", "2"}))
        .hasMessageContaining("--po2 2 is outside 4..30");
    assertThatThrownBy(() -> new ExecuteRole(Map.of()).run(new String[] {"--bogus"}))
        .hasMessageContaining("unknown option --bogus");
  }

  @Test
  void mainPrintsOneLineAndExitsNonZeroForAFault() throws Exception {
    Path input = Files.write(dir.resolve("in.bin"), new byte[] {1});
    int exit = Main.run(Roles.standard(), new String[] {"execute", "--elf", guest("faults").toString(), "--input",
        input.toString()});
    assertThat(exit).isEqualTo(ExecuteRole.EXIT_GUEST_FAULT);
  }
}

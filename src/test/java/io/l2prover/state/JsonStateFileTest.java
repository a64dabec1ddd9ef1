package io.l2prover.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.JsonStateFile;
import io.l2prover.util.StateFileException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStateFileTest {

  @TempDir
  Path dir;

  private JsonStateFile<ProverState> file(AtomicFileWriter writer) {
    return new JsonStateFile<>(dir.resolve("prover_state.json"), writer, ProverState::fromJson, ProverState::toJson,
        "Move it away to start over.");
  }

  private static ProverState at(long number) {
    return ProverState.afterAck(new JsonObject().put("number", "0x" + Long.toHexString(number)).put("hash", "0xab"));
  }

  @Test
  void savesAtomicallyAndReadsBack() throws Exception {
    JsonStateFile<ProverState> file = file(AtomicFileWriter.durable());
    assertThat(file.load()).isEmpty();
    file.save(at(4));
    file.save(at(5));
    assertThat(file.load()).contains(at(5));
    assertThat(file.load().orElseThrow().nextBlock()).isEqualTo(6);
    // Nothing but the state file itself is left behind.
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("prover_state.json");
    }
    assertThat(new JsonObject(Files.readString(file.path())).getJsonObject("block_header").getString("number"))
        .isEqualTo("0x5");
  }

  @Test
  void aCorruptFileIsAnErrorNamingTheFileAndTheWayOutAndIsLeftAlone() throws Exception {
    JsonStateFile<ProverState> file = file(AtomicFileWriter.durable());
    for (String content : new String[] {"{\"block_header\":{\"number\":\"0x5\"", "", "{\"other\":1}",
        "{\"block_header\":{\"number\":5}}", "[]"}) {
      Files.writeString(file.path(), content);
      assertThatThrownBy(file::load)
          .isInstanceOf(StateFileException.class)
          .hasMessageContaining(file.path().toString())
          .hasMessageContaining("corrupt")
          .hasMessageContaining("Move it away");
      assertThat(Files.readString(file.path())).isEqualTo(content);
    }
  }

  @Test
  void aFullDiskFailsTheSaveAndKeepsThePreviousState() throws Exception {
    file(AtomicFileWriter.durable()).save(at(3));
    AtomicFileWriter fullDisk = (target, content) -> {
      throw new IOException("No space left on device");
    };
    JsonStateFile<ProverState> file = file(fullDisk);
    assertThatThrownBy(() -> file.save(at(4)))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining(file.path().toString());
    assertThat(file.load()).isEqualTo(Optional.of(at(3)));
  }

  @Test
  void theDurableWriterRemovesItsTempFileWhenTheRenameFails() throws Exception {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("child"));
    assertThatThrownBy(() -> AtomicFileWriter.durable().write(target, new byte[] {1})).isInstanceOf(IOException.class);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("occupied");
    }
  }
}

package io.l2prover.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.protocol.ProofData;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProverIdFileTest {

  @TempDir
  Path dir;

  @Test
  void madeOnceThenReadAtEveryStart() throws Exception {
    Path data = dir.resolve("data");
    String id = ProverIdFile.loadOrCreate(data, AtomicFileWriter.durable());
    assertThat(ProofData.Request.validProverId(id)).isTrue();
    assertThat(ProverIdFile.loadOrCreate(data, AtomicFileWriter.durable())).isEqualTo(id);
    assertThat(ProverIdFile.loadOrCreate(dir.resolve("other"), AtomicFileWriter.durable())).isNotEqualTo(id);
    Files.writeString(data.resolve(ProverIdFile.FILE_NAME), "  chosen-by-hand\n");
    assertThat(ProverIdFile.loadOrCreate(data, AtomicFileWriter.durable())).isEqualTo("chosen-by-hand");
  }

  @Test
  void aFileWithoutAValidIdIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve(ProverIdFile.FILE_NAME);
    Files.writeString(file, "not an id");
    assertThatThrownBy(() -> ProverIdFile.loadOrCreate(dir, AtomicFileWriter.durable()))
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("does not hold a prover ID");
  }
}

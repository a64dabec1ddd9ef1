package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir
  Path dir;

  @Test
  void oneHolderPerRoleAndDirectory() throws Exception {
    Path data = dir.resolve("not-yet-created");
    try (DataDirLock client = DataDirLock.acquire(data, "client");
        DataDirLock server = DataDirLock.acquire(data, "server")) {
      assertThatThrownBy(() -> DataDirLock.acquire(data, "client")).isInstanceOf(UserError.class)
          .hasMessageContaining("another client is using the data directory " + data)
          .hasMessageContaining("set another PROVER_DATA_DIR");
    }
    DataDirLock.acquire(data, "client").close();
  }
}

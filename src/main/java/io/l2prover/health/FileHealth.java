package io.l2prover.health;

import io.l2prover.util.JsonStateFile;
import io.l2prover.util.StateFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Readiness of a JSON state file: it reads and parses, and its directory takes a new file. */
public final class FileHealth {

  private FileHealth() {}

  /**
   * Up when {@code file} loads (or does not exist yet, unless {@code mustExist}) and a file can be
   * created and removed next to it; the check reads the disk on a worker thread.
   */
  public static HealthCheck readableAndWritable(String name, JsonStateFile<?> file, boolean mustExist) {
    return HealthCheck.of(name, vertx -> vertx.executeBlocking(() -> probe(file, mustExist)));
  }

  private static HealthStatus probe(JsonStateFile<?> file, boolean mustExist) {
    boolean present;
    try {
      present = file.load().isPresent();
    } catch (StateFileException e) {
      return HealthStatus.down(e.getMessage());
    }
    if (mustExist && !present) {
      return HealthStatus.down(file.path() + " does not exist (not loaded yet)");
    }
    Path dir = file.path().toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".health", ".tmp"));
    } catch (IOException e) {
      return HealthStatus.down("cannot write in " + dir + ": " + e.getMessage());
    }
    return HealthStatus.up(present ? file.path().toString() : file.path() + " (none yet)");
  }
}

package io.l2prover.util;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One JSON state file: read strictly (a corrupt file is an error naming the file and the way
 * out, never silently replaced) and written atomically. Blocking; call from a worker.
 */
public final class JsonStateFile<T> {

  private final Path path;
  private final AtomicFileWriter writer;
  private final Function<JsonObject, T> fromJson;
  private final Function<T, JsonObject> toJson;
  private final String recovery;

  /**
   * @param recovery what the user can do about a corrupt file, for the error message
   */
  public JsonStateFile(Path path, AtomicFileWriter writer, Function<JsonObject, T> fromJson,
      Function<T, JsonObject> toJson, String recovery) {
    this.path = Objects.requireNonNull(path, "path");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.fromJson = Objects.requireNonNull(fromJson, "fromJson");
    this.toJson = Objects.requireNonNull(toJson, "toJson");
    this.recovery = Objects.requireNonNull(recovery, "recovery");
  }

  public Path path() {
    return path;
  }

  /** The stored value, or empty when the file does not exist yet. */
  public Optional<T> load() throws StateFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateFileException("cannot read state file " + path + ": " + e.getMessage(), e);
    }
    try {
      return Optional.of(fromJson.apply(new JsonObject(new String(bytes, StandardCharsets.UTF_8))));
    } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
      String reason = bytes.length == 0 ? "the file is empty" : e.getMessage().lines().findFirst().orElse("");
      throw new StateFileException("state file " + path + " is corrupt (" + reason + "); it was left as it is. "
          + recovery, e);
    }
  }

  /** Replaces the stored value atomically. */
  public void save(T value) throws StateFileException {
    byte[] bytes = toJson.apply(value).encodePrettily().getBytes(StandardCharsets.UTF_8);
    try {
      writer.write(path, bytes);
    } catch (IOException e) {
      throw new StateFileException("cannot write state file " + path + ": " + e.getMessage()
          + " (the previous content is intact; check free space and permissions)", e);
    }
  }
}

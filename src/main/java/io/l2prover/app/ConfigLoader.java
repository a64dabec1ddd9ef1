package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Merges the configuration with vertx-config: the defaults of {@code config.json} in the jar, then
 * an optional file ({@code --config FILE}), then the environment variables named in
 * {@link ProverConfig#KEYS}, each overriding the one before.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /** Blocking; call from a role's main thread. */
  public static ProverConfig load(Vertx vertx, Optional<Path> file) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false)
        .addStore(new ConfigStoreOptions().setType("json").setConfig(defaults()));
    file.ifPresent(path -> {
      if (!Files.isRegularFile(path)) {
        throw new UserError("config file " + path + " does not exist");
      }
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", path.toAbsolutePath().toString())));
    });
    options.addStore(new ConfigStoreOptions().setType("env")
        .setConfig(new JsonObject().put("keys", new JsonArray(ProverConfig.KEYS)).put("raw-data", true)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    try {
      JsonObject merged = retriever.getConfig().await(30, TimeUnit.SECONDS);
      return ProverConfig.from(merged, System.getenv());
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError("cannot read the configuration: " + e.getMessage());
    } finally {
      retriever.close();
    }
  }

  /**
   * As {@link #load}, on a Vert.x instance of its own that is closed again: for roles whose own
   * instance depends on the configuration (a clustered one). Blocking.
   */
  public static ProverConfig loadStandalone(Optional<Path> file) {
    Vertx vertx = Vertx.vertx();
    try {
      return load(vertx, file);
    } finally {
      vertx.close();
    }
  }

  /**
   * The bundled defaults with the environment's values of {@link ProverConfig#KEYS} over them:
   * the same precedence as {@link #load} without a file, for one-shot roles that need a setting
   * or two and no Vert.x instance.
   */
  public static JsonObject defaultsAndEnvironment(Map<String, String> env) {
    JsonObject merged = defaults();
    for (String key : ProverConfig.KEYS) {
      String value = env.get(key);
      if (value != null) {
        merged.put(key, value);
      }
    }
    return merged;
  }

  /** Whether {@code key} is set in the environment or in the config file (not only by its default). */
  public static boolean isSet(String key, Optional<Path> file) {
    if (System.getenv(key) != null) {
      return true;
    }
    try {
      return file.isPresent() && new JsonObject(Files.readString(file.get())).containsKey(key);
    } catch (java.io.IOException | io.vertx.core.json.DecodeException e) {
      return false; // load() has read it already, or said why it cannot
    }
  }

  /** The bundled {@code config.json}. */
  static JsonObject defaults() {
    try (var in = ConfigLoader.class.getResourceAsStream("/config.json")) {
      if (in == null) {
        throw new IllegalStateException("config.json is missing from the jar");
      }
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the bundled config.json", e);
    }
  }
}

package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table, conf/config.json and {@link ProverConfig#KEYS} name the same
 * settings, and where conf/config.json has a value the README shows it as the default.
 */
class ConfigDocumentationTest {

  /** A table row: | `KEY` | default cell | meaning |. */
  private static final Pattern ROW = Pattern.compile("^\\| `(PROVER_[A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
  private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

  @Test
  void readmeTableConfigJsonAndKeysAgree() throws Exception {
    Map<String, String> readme = readmeDefaults();
    JsonObject config = new JsonObject(Files.readString(Path.of("conf", "config.json")));
    assertThat(readme.keySet()).as("README configuration table vs conf/config.json")
        .containsExactlyInAnyOrderElementsOf(config.fieldNames());
    assertThat(config.fieldNames()).as("conf/config.json vs ProverConfig.KEYS")
        .containsExactlyInAnyOrderElementsOf(ProverConfig.KEYS);
    for (String key : config.fieldNames()) {
      String value = String.valueOf(config.getValue(key));
      if (value.isEmpty()) {
        continue; // no literal default (a computed data directory, an optional file)
      }
      Matcher code = FIRST_CODE.matcher(readme.get(key));
      assertThat(code.find()).as("README default of %s is in backticks", key).isTrue();
      assertThat(code.group(1)).as("README default of %s", key).isEqualTo(value);
    }
  }

  private static Map<String, String> readmeDefaults() throws Exception {
    String text = Files.readString(Path.of("README.md"));
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher row = ROW.matcher(text);
    while (row.find()) {
      assertThat(defaults.put(row.group(1), row.group(2).trim())).as("README lists %s once", row.group(1)).isNull();
    }
    return defaults;
  }
}

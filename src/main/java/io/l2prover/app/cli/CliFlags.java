package io.l2prover.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} command-line flags of one role, checked against the names the role knows. */
public final class CliFlags {

  /** What a command does with its parsed flags; returns the exit code. */
  @FunctionalInterface
  public interface Action {
    int run(CliFlags flags) throws Exception;
  }

  private final String role;
  private final Map<String, String> values = new HashMap<>();

  private CliFlags(String role) {
    this.role = role;
  }

  /**
   * Parses {@code args}; {@code known} lists the accepted names without dashes. A name in
   * {@code switches} takes no value. Unknown names and missing values are {@link UserError}s.
   */
  public static CliFlags parse(String role, String[] args, Set<String> known, Set<String> switches) {
    CliFlags flags = new CliFlags(role);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UserError(role + ": unexpected argument '" + arg + "' (see " + role + " --help)", UserError.EXIT_USAGE);
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!known.contains(name) && !switches.contains(name)) {
        throw new UserError(role + ": unknown option --" + name + " (see " + role + " --help)", UserError.EXIT_USAGE);
      }
      if (switches.contains(name)) {
        value = "true";
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new UserError(role + ": option --" + name + " needs a value", UserError.EXIT_USAGE);
        }
        value = args[++i];
      }
      flags.values.put(name, value);
    }
    return flags;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String required(String name) {
    return string(name).orElseThrow(
        () -> new UserError(role + ": --" + name + " is required (see " + role + " --help)", UserError.EXIT_USAGE));
  }

  /** A long in [min, max], or {@code fallback} when absent. */
  public long longValue(String name, long fallback, long min, long max) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return fallback;
    }
    long value;
    try {
      value = Long.decode(text.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UserError(role + ": --" + name + " '" + text.get() + "' is not a number", UserError.EXIT_USAGE);
    }
    if (value < min || value > max) {
      throw new UserError(role + ": --" + name + " " + value + " is outside " + min + ".." + max, UserError.EXIT_USAGE);
    }
    return value;
  }

  /** The bytes of the file named by flag {@code name}, with a clear error when it cannot be read. */
  public byte[] readFile(String name) {
    Path path = Path.of(required(name));
    if (!Files.isRegularFile(path)) {
      throw new UserError(role + ": --" + name + " " + path + ": no such file", UserError.EXIT_USAGE);
    }
    try {
      return Files.readAllBytes(path);
    } catch (java.io.IOException e) {
      throw new UserError(role + ": cannot read --" + name + " " + path + ": " + e.getMessage());
    }
  }
}

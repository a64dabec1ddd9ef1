package io.l2prover.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options of a role, plus {@code --help}; anything else is a usage error. */
final class Options {

  private final Map<String, String> values;
  private final boolean help;

  private Options(Map<String, String> values, boolean help) {
    this.values = Map.copyOf(values);
    this.help = help;
  }

  /**
   * @param known the option names (without dashes) the role accepts, each taking a value
   * @throws UserError (exit 2) for an unknown option or a missing value
   */
  static Options parse(String role, String[] args, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !known.contains(name)) {
        throw new UserError(role + ": unknown argument '" + arg + "'; see `" + role + " --help`", Main.EXIT_USAGE);
      }
      if (i + 1 >= args.length) {
        throw new UserError(role + ": " + arg + " needs a value", Main.EXIT_USAGE);
      }
      values.put(name, args[++i]);
    }
    return new Options(values, help);
  }

  boolean help() {
    return help;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<Path> path(String name) {
    return get(name).map(Path::of);
  }
}

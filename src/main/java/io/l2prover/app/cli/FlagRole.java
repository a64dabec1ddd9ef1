package io.l2prover.app.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A role that is its options and its {@link #run(CliFlags)}: the name, the summary, the flags it
 * accepts and its usage text; parsing the command line and answering {@code --help} happen here,
 * once for every role.
 */
public abstract class FlagRole implements Role {

  private final String name;
  private final String summary;
  private final Set<String> options;
  private final Set<String> switches;
  private final PrintStream out;

  /**
   * @param options flags that take a value ({@code --name value} or {@code --name=value}), without dashes
   * @param switches flags without a value; {@code help} is always one
   * @param out where {@code --help} prints the usage
   */
  protected FlagRole(String name, String summary, Set<String> options, Set<String> switches, PrintStream out) {
    this.name = Objects.requireNonNull(name, "name");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.options = Set.copyOf(options);
    Set<String> all = new HashSet<>(switches);
    all.add("help");
    this.switches = Set.copyOf(all);
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** How the command line names this role in error messages (a command of a group: "chain generate"). */
  protected String invocation() {
    return name;
  }

  /** What {@code --help} prints. */
  protected abstract String usage();

  /** Runs the role on its parsed flags; returns the exit code. */
  protected abstract int run(CliFlags flags) throws Exception;

  @Override
  public final int run(String[] args) throws Exception {
    CliFlags flags = CliFlags.parse(invocation(), args, options, switches);
    if (flags.has("help")) {
      out.print(usage());
      return 0;
    }
    return run(flags);
  }
}

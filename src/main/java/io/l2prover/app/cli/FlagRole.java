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
  private final String invocation;
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
    this(name, name, summary, options, switches, out);
  }

  /**
   * A command of a group: {@code invocation} is how error messages name it ("chain generate").
   *
   * @see #FlagRole(String, String, Set, Set, PrintStream)
   */
  protected FlagRole(String name, String invocation, String summary, Set<String> options, Set<String> switches,
      PrintStream out) {
    this.name = Objects.requireNonNull(name, "name");
    this.invocation = Objects.requireNonNull(invocation, "invocation");
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

  /** What {@code --help} prints. */
  protected abstract String usage();

  /** Runs the role on its parsed flags; returns the exit code. */
  protected abstract int run(CliFlags flags) throws Exception;

  @Override
  public final int run(String[] args) throws Exception {
    CliFlags flags = CliFlags.parse(invocation, args, options, switches);
    if (flags.has("help")) {
      out.print(usage());
      return 0;
    }
    return run(flags);
  }
}

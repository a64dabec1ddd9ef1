package io.l2prover.app.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A role whose first argument picks one of its commands ({@code chain generate}, {@code bench
 * exec}): no argument prints the usage and exits with {@link UserError#EXIT_USAGE}, {@code --help}
 * or {@code -h} prints it and exits 0, an unknown command is a usage error.
 */
public abstract class CommandGroup implements Role {

  private static final Set<String> HELP = Set.of("--help", "-h");

  private final String name;
  private final Map<String, Role> commands = new LinkedHashMap<>();
  private final PrintStream out;

  protected CommandGroup(String name, List<? extends Role> commands, PrintStream out) {
    this.name = Objects.requireNonNull(name, "name");
    commands.forEach(c -> this.commands.put(c.name(), c));
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public final String name() {
    return name;
  }

  /** The commands, in the order given. */
  protected final Map<String, Role> commands() {
    return commands;
  }

  /** What no argument, {@code --help} and {@code -h} print. */
  protected abstract String usage();

  /** The one-line error for a first argument that names no command. */
  protected abstract String unknownCommand(String word);

  /**
   * A command of group {@code group} that is its flags and {@code action}; {@code --help} prints
   * the group's {@code usage}.
   */
  public static Role command(String group, String name, Set<String> options, String usage, PrintStream out,
      CliFlags.Action action) {
    return command(group, name, options, Set.of(), usage, out, action);
  }

  /** As above, with {@code switches}: flags without a value. */
  public static Role command(String group, String name, Set<String> options, Set<String> switches, String usage,
      PrintStream out, CliFlags.Action action) {
    return new FlagRole(name, group + " " + name, "", options, switches, out) {
      @Override
      protected String usage() {
        return usage;
      }

      @Override
      protected int run(CliFlags flags) throws Exception {
        return action.run(flags);
      }
    };
  }

  @Override
  public int run(String[] args) throws Exception {
    if (args.length == 0 || HELP.contains(args[0])) {
      out.print(usage());
      return args.length == 0 ? UserError.EXIT_USAGE : 0;
    }
    Role command = commands.get(args[0]);
    if (command == null) {
      throw new UserError(unknownCommand(args[0]), UserError.EXIT_USAGE);
    }
    return command.run(Arrays.copyOfRange(args, 1, args.length));
  }
}

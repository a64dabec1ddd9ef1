package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.util.Arrays;

/** Entry point of the fat jar: picks a role by its first argument (default {@code demo}). */
public final class Main {

  /** Exit code for a command line the program does not understand. */
  public static final int EXIT_USAGE = UserError.EXIT_USAGE;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Roles.standard(), args));
  }

  static int run(Roles roles, String[] args) {
    String name = args.length == 0 ? "demo" : args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      System.out.print(roles.usage());
      return 0;
    }
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    var role = roles.find(name);
    if (role.isEmpty()) {
      System.err.println("unknown role '" + name + "'");
      System.err.print(roles.usage());
      return EXIT_USAGE;
    }
    try {
      return role.get().run(rest);
    } catch (UserError e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      // Unexpected failures still get one readable line; the stack trace goes to the log only.
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("role {} failed", name, e);
      System.err.println("error: " + name + " failed: " + e);
      return 1;
    }
  }
}

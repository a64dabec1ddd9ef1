package io.l2prover.app.cli;

/** A mistake the user can fix (bad flag, missing file): printed as one line, never a stack trace. */
public class UserError extends RuntimeException {

  /** Exit code for a command line the program does not understand. */
  public static final int EXIT_USAGE = 2;

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserError(String message) {
    this(message, 1);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}

package io.l2prover.app.cli;

/** One thing the jar can be asked to do: {@code java -jar l2-prover.jar <role> [args]}. */
public interface Role {

  /** The word that selects this role on the command line. */
  String name();

  /** One line for the usage text. */
  String summary();

  /**
   * Runs the role to completion.
   *
   * @return the process exit code
   */
  int run(String[] args) throws Exception;
}

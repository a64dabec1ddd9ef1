package io.l2prover.chain.witness;

/**
 * What one run of the block guest gave: its exit code (0 valid, 1 invalid, 2 unsupported), its
 * journal, what it wrote to fd 2, and the cycles it took.
 */
public record GuestRun(int exitCode, byte[] journal, byte[] stderr, long cycles) {

  public GuestRun {
    journal = journal.clone();
    stderr = stderr.clone();
  }

  @Override
  public byte[] journal() {
    return journal.clone();
  }

  @Override
  public byte[] stderr() {
    return stderr.clone();
  }
}

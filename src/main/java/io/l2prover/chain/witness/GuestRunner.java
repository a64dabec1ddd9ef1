package io.l2prover.chain.witness;

/**
 * Runs the block guest on an encoded input: the chain layer's one way to reach the guest, so that
 * it needs no executor of its own (the service side supplies one: {@code guest.ExecutorGuestRunner}).
 */
public interface GuestRunner {

  /** Runs the guest with no host oracle: its host-only calls answer -ENOSYS, as in a proven run. */
  GuestRun run(byte[] input);

  /**
   * Runs the guest with {@code oracle} answering its host-only calls (a witness-recording run).
   *
   * @throws GuestRunException when the guest faults (a bad instruction, the cycle limit)
   */
  GuestRun run(byte[] input, HostOracle oracle);
}

package io.l2prover.chain.witness;

/**
 * Answers the block guest's host-only calls (0x1100..0x11ff, docs/guest-input.md) in a
 * witness-recording run; the runner hands them over from the executor.
 */
public interface HostOracle {

  /** -ENOSYS: the answer to a call the oracle does not know, as Linux gives it. */
  int ENOSYS = -38;

  /** Answers call {@code number} with the guest's a0..a2; the result becomes a0. */
  int call(int number, int a0, int a1, int a2, GuestMemory memory);

  /** The guest's memory as a host call sees it; an address outside it faults the guest. */
  interface GuestMemory {

    byte[] read(int address, int length);

    void write(int address, byte[] data);
  }
}

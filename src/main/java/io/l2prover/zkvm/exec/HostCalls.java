package io.l2prover.zkvm.exec;

/**
 * Host-only calls ({@link #FIRST}..{@link #LAST}) that an untraced run may answer: the block
 * guest's state oracle in a witness-recording run (docs/guest-input.md). A traced run refuses them
 * (a proven run must not depend on the host), and a run without a handler answers -ENOSYS, as
 * qemu does.
 */
public interface HostCalls {

  int FIRST = 0x1100;
  int LAST = 0x11ff;

  /** Answers call {@code number} with the guest's a0..a2; the result becomes a0. */
  int call(int number, int a0, int a1, int a2, GuestMemory memory);

  /** The guest's memory as a host call sees it; an address outside it faults the guest. */
  interface GuestMemory {

    byte[] read(int address, int length);

    void write(int address, byte[] data);
  }
}

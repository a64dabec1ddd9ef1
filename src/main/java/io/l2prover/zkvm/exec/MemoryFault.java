package io.l2prover.zkvm.exec;

/** A refused memory access, raised deep in the memory code and turned into a {@link GuestFault} by the machine, which knows the pc. */
final class MemoryFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MemoryFault(String message) {
    // No stack trace: this is a guest error report, and it may be raised on a hot path.
    super(message, null, false, false);
  }

  static MemoryFault unmapped(String access, int address) {
    return new MemoryFault(String.format("%s unmapped address 0x%08x", access, address));
  }

  static MemoryFault forbidden(String access, int address, String permission) {
    return new MemoryFault(String.format("%s address 0x%08x in a page that is not %s", access, address, permission));
  }

  static MemoryFault misaligned(String access, int address, int width) {
    return new MemoryFault(String.format("misaligned %d-byte %s at address 0x%08x (the zkVM needs naturally aligned accesses)",
        width, access, address));
  }
}

package io.l2prover.zkvm.exec;

/** The guest did something the machine refuses (bad instruction, access or syscall): names the pc and instruction. */
public final class GuestFault extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int pc;
  private final long cycle;

  private GuestFault(int pc, long cycle, String message) {
    super(message);
    this.pc = pc;
    this.cycle = cycle;
  }

  /** A fault caused by the instruction {@code instruction} at {@code pc}, after {@code cycle} retired instructions. */
  static GuestFault at(int pc, int instruction, long cycle, String reason) {
    return new GuestFault(pc, cycle, String.format("guest fault at pc 0x%08x (instruction 0x%08x: %s) after %d cycles: %s",
        pc, instruction, Disassembler.format(instruction, pc), cycle, reason));
  }

  /** A fault where there is no instruction to name (the pc is outside the program). */
  static GuestFault withoutInstruction(int pc, long cycle, String reason) {
    return new GuestFault(pc, cycle, String.format("guest fault at pc 0x%08x (no instruction there) after %d cycles: %s",
        pc, cycle, reason));
  }

  public int pc() {
    return pc;
  }

  /** Instructions retired before the fault. */
  public long cycle() {
    return cycle;
  }
}

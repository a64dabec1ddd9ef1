package io.l2prover.zkvm.rv32im;

/** The system calls the proof covers (Linux RISC-V numbers, as the executor and qemu use them). */
public enum Syscall {
  READ(63),
  WRITE(64),
  EXIT(93),
  EXIT_GROUP(94),
  PHASE(0x1000);

  private final int number;

  Syscall(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static Syscall of(int number) {
    for (Syscall s : values()) {
      if (s.number == number) {
        return s;
      }
    }
    throw new IllegalArgumentException("syscall " + number + " is not provable");
  }

  /** File descriptor of the journal, the public output. */
  public static final int JOURNAL_FD = 3;
}

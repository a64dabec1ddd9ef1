package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;

/** The system calls the proof covers (Linux RISC-V numbers, as the executor and qemu use them). */
public enum Syscall {
  READ(63),
  WRITE(64),
  EXIT(93),
  EXIT_GROUP(94),
  PHASE(0x1000),
  /** Any precompile call (0x1001..0x1007): a proven run has them off, so each answers -ENOSYS. */
  PRECOMPILE_OFF(Ecall.FIRST_PRECOMPILE);

  private final int number;

  Syscall(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static Syscall of(int number) {
    if (number >= Ecall.FIRST_PRECOMPILE && number <= Ecall.LAST_PRECOMPILE) {
      return PRECOMPILE_OFF;
    }
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

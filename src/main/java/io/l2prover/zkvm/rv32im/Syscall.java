package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.ExecutorOptions;

/** The system calls the proof covers (Linux RISC-V numbers, as the executor and qemu use them). */
public enum Syscall {
  READ(63),
  WRITE(64),
  EXIT(93),
  EXIT_GROUP(94),
  PHASE(0x1000),
  /** The precompile probe (0x1001): answers {@link #PROVEN_PRECOMPILES}. */
  PROBE(Ecall.FIRST_PRECOMPILE),
  /** Keccak-f[1600] (0x1002), proven by {@link KeccakChip}. */
  KECCAK_F(KeccakChip.CALL),
  /** mulmod256 (0x1003), proven by {@link MulModChip}. */
  MULMOD256(MulModChip.CALL),
  /** secp256k1_add (0x1004), proven by {@link Secp256k1AddChip}. */
  SECP256K1_ADD(Secp256k1AddChip.CALL),
  /** secp256k1_double (0x1005), proven by {@link Secp256k1DoubleChip}. */
  SECP256K1_DOUBLE(Secp256k1DoubleChip.CALL),
  /** invmod256_hint (0x1006), a hint: {@link HintChip}. */
  INVMOD256_HINT(HintChip.INVMOD),
  /** secp256k1_sqrt_hint (0x1007), a hint: {@link HintChip}. */
  SECP256K1_SQRT_HINT(HintChip.SQRT);

  /**
   * The precompile calls a proven run has, as the probe answers them (bit n - 0x1000 for call n):
   * the probe and the calls with chips. The executor runs a proof's guest with exactly these
   * ({@code ExecutorOptions.withPrecompiles(int)}), and the ecall chip proves the probe's answer.
   */
  public static final int PROVEN_PRECOMPILES = ExecutorOptions.ALL_PRECOMPILES;

  private final int number;

  Syscall(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** Whether a precompile chip proves this call (the ecall row hands it over on the precompile bus). */
  public boolean hasChip() {
    return number > PROBE.number && number <= Ecall.LAST_PRECOMPILE;
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

package io.l2prover.zkvm.exec;

import java.util.Random;

/** The random RV32IM programs of {@link RandomProgramPropertyTest}, as ELFs, for tests outside this package. */
public final class RandomPrograms {

  private RandomPrograms() {}

  /** The program of {@code seed}: it dumps its registers and scratch memory to stdout and exits 0. */
  public static byte[] elf(long seed) {
    return TinyElf.of(RandomProgramPropertyTest.generate(new Random(seed)), 0x1000);
  }
}

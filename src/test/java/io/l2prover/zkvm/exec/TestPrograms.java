package io.l2prover.zkvm.exec;

/** Tiny hand-written guests for tests outside this package. */
public final class TestPrograms {

  private TestPrograms() {}

  /** Calls {@code number} (a0 = a1 = a2 = 0), then exits with the call's result as the exit code. */
  public static byte[] callThenExitWithResult(int number) {
    Rv32Asm asm = new Rv32Asm().li(10, 0).li(11, 0).li(12, 0).li(17, number).ecall().li(17, 93).ecall();
    return TinyElf.of(asm.words(), 0x1000);
  }
}

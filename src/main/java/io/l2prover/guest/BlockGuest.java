package io.l2prover.guest;

import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.stark.backend.CpuBackend;

/**
 * The block guest bundled in the jar ({@code guests/block.elf}, built from
 * native/guest/programs/block): the program that validates one block and commits its journal,
 * with its image ID (what a receipt of it verifies against, dev-mode receipts included).
 */
public record BlockGuest(Program program, ImageId imageId) {

  /** The bundled ELF's file name without {@code .elf}. */
  public static final String NAME = "block";

  /** The bundled guest, parsed and its image ID computed once per process (about a second of commitments). */
  public static BlockGuest bundled() {
    return Bundled.GUEST;
  }

  private static final class Bundled {
    static final BlockGuest GUEST = of(Guests.bundled(NAME));
  }

  /** A block guest from its ELF. */
  public static BlockGuest of(byte[] elf) {
    Program program = Program.fromElf(elf);
    return new BlockGuest(program, new CompositeProver(new CpuBackend()).imageId(program));
  }
}

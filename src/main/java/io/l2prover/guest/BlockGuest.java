package io.l2prover.guest;

import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.ImageId;

/**
 * The block guest bundled in the jar ({@code guests/block.elf}, built from
 * native/guest/programs/block): the program that validates one block and commits its journal.
 */
public record BlockGuest(Program program, ImageId devImageId) {

  /** The bundled ELF's file name without {@code .elf}. */
  public static final String NAME = "block";

  /** Loads and parses the bundled ELF. */
  public static BlockGuest bundled() {
    byte[] elf = Guests.bundled(NAME);
    return new BlockGuest(Program.fromElf(elf), ImageId.devOfElf(elf));
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.InvalidElfException;
import io.l2prover.zkvm.exec.Program;

/** The guest program a command's {@code --elf FILE} names, or one line saying why it is not one. */
final class GuestElf {

  private GuestElf() {}

  static Program load(CliFlags flags) {
    byte[] elf = flags.readFile("elf");
    try {
      return Program.fromElf(elf);
    } catch (InvalidElfException e) {
      throw new UserError(e.getMessage() + " (" + flags.required("elf") + ")", Main.EXIT_USAGE);
    }
  }
}

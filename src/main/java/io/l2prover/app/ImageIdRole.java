package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.PrintStream;
import java.util.Set;

/** {@code image-id}: the image ID of a guest ELF, computed from the ELF alone (nothing runs). */
public final class ImageIdRole extends FlagRole {

  private static final String USAGE = """
      usage: image-id --elf FILE
        --elf FILE   RV32IM guest (ELF32, static)
      Prints the 32-byte image ID a composite receipt of this program verifies against: a digest of
      the program's committed tables (code, initial memory, entry pc) and of the circuit.
      """;

  private final PrintStream out;

  public ImageIdRole(PrintStream out) {
    super("image-id", "the image ID of a guest ELF: --elf FILE", Set.of("elf"), Set.of(), out);
    this.out = out;
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected int run(CliFlags flags) {
    out.println(new CompositeProver(new CpuBackend()).imageId(GuestElf.load(flags)));
    return 0;
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.l2prover.zkvm.receipt.ReceiptFormatException;
import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code verify}: checks a receipt against the program the caller expects (its ELF or its image
 * ID) and prints what it proves: the exit code and the journal. Exit 0 when it verifies, 1 with
 * one line saying why when it does not.
 */
public final class VerifyRole extends FlagRole {

  /** Exit code of a receipt that does not verify. */
  public static final int EXIT_REJECTED = 1;

  private static final String USAGE = """
      usage: verify --receipt RECEIPT (--elf FILE | --image-id HEX) [--journal-out FILE] [--dev-mode]
        --receipt RECEIPT    the receipt `prove --out` wrote
        --elf FILE           the program the receipt must prove (its image ID is computed from it)
        --image-id HEX       or the expected image ID itself (`image-id --elf FILE` prints it)
        --journal-out FILE   also write the proven journal's bytes there
        --dev-mode           accept fake (dev-mode) receipts, which prove nothing
      Prints `exit code: N` and `journal: 0x...`; exits 1 with the reason when the receipt does not verify.
      """;

  private final PrintStream out;

  public VerifyRole(PrintStream out) {
    super("verify", "verify a receipt: --receipt RECEIPT (--elf FILE | --image-id HEX)",
        Set.of("receipt", "elf", "image-id", "journal-out"), Set.of("dev-mode"), out);
    this.out = out;
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected int run(CliFlags flags) {
    if (flags.has("elf") == flags.has("image-id")) {
      throw new UserError("verify: give exactly one of --elf FILE and --image-id HEX", Main.EXIT_USAGE);
    }
    ImageId expected = flags.has("elf") ? new CompositeProver(new CpuBackend()).imageId(GuestElf.load(flags))
        : imageId(flags.required("image-id"));
    ReceiptVerifier.Verified verified;
    try {
      verified = ReceiptVerifier.forDevMode(flags.has("dev-mode"))
          .verifyExecution(ReceiptFile.decode(flags.readFile("receipt")), expected);
    } catch (ReceiptFormatException | ReceiptRejectedException e) {
      throw new UserError("verify: rejected: " + e.getMessage(), EXIT_REJECTED);
    }
    if (flags.has("journal-out")) {
      Path path = Path.of(flags.required("journal-out"));
      try {
        AtomicFileWriter.durable().write(path, verified.journal().toArray());
      } catch (IOException e) {
        throw new UserError("verify: cannot write --journal-out " + path + ": " + e.getMessage());
      }
    }
    out.println("exit code: " + (verified.exitCode().isPresent() ? verified.exitCode().getAsInt()
        : "unknown (a fake receipt proves none)"));
    out.println("journal: " + verified.journal().toHex());
    return 0;
  }

  private static ImageId imageId(String hex) {
    try {
      return ImageId.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new UserError("verify: --image-id: " + e.getMessage(), Main.EXIT_USAGE);
    }
  }
}

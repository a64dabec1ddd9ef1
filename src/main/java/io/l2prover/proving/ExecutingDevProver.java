package io.l2prover.proving;

import io.l2prover.guest.BlockGuest;
import io.l2prover.guest.GuestInputs;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Dev mode with the real guest: runs the block guest in the zkVM executor on the block's input
 * and returns a {@code fake} receipt carrying the guest's journal. The block is validated (by the
 * guest, statelessly), but nothing is proven; the receipt's note says so.
 */
public final class ExecutingDevProver implements Prover {

  private final BlockGuest guest;
  private final ExecutorOptions options;

  public ExecutingDevProver(BlockGuest guest, ExecutorOptions options) {
    this.guest = Objects.requireNonNull(guest, "guest");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String description() {
    return "fake receipts (dev mode): the block guest runs in the zkVM executor and validates each block;"
        + " nothing is proven";
  }

  @Override
  public ImageId imageId() {
    return guest.imageId();
  }

  @Override
  public Receipt prove(ProvingJob job) {
    ExecutionResult result;
    try {
      result = Executor.run(guest.program(), GuestInputs.encode(job.input()), options);
    } catch (GuestFault e) {
      throw new IllegalStateException("the block guest faulted on block " + job.blockNumber() + ": " + e.getMessage(), e);
    }
    if (result.exitCode() != 0) {
      String reason = new String(result.stderr(), StandardCharsets.UTF_8).strip();
      throw new IllegalStateException("the block guest rejected block " + job.blockNumber() + " (exit code "
          + result.exitCode() + ")" + (reason.isEmpty() ? "" : ": " + reason));
    }
    return new Receipt(ReceiptKind.FAKE, imageId(), Bytes.of(result.journal()), Bytes.EMPTY,
        "dev mode: the block guest was executed (" + result.cycles() + " cycles) but nothing was proven");
  }
}

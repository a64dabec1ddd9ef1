package io.l2prover.proving;

import io.l2prover.guest.BlockGuest;
import io.l2prover.guest.GuestInputs;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real mode: proves the block guest's run on each block into a {@code composite} receipt, and
 * verifies it before handing it on, so a prover bug never reaches the server as a bad receipt.
 * {@link #prove} proves the segments of one block one after another in this thread; the service
 * spreads them over the proving workers ({@link SegmentedProvingVerticle}).
 */
public final class CompositeBlockProver implements Prover, SegmentedGuest {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeBlockProver.class);

  private final BlockGuest guest;
  private final CompositeProver prover;
  private final ExecutorOptions options;

  public CompositeBlockProver(BlockGuest guest, ComputeBackend backend, ExecutorOptions options) {
    this.guest = Objects.requireNonNull(guest, "guest");
    this.prover = new CompositeProver(backend);
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String description() {
    return "composite receipts: the block guest's run on each block, proven segment by segment (STARK)";
  }

  @Override
  public ImageId imageId() {
    return guest.imageId();
  }

  @Override
  public Receipt prove(ProvingJob job) throws ReceiptRejectedException {
    Consumer<CompositeProver.Step> progress = step -> LOG.info("block {}: {} proven (2^{} rows) in {} ms",
        job.blockNumber(), step.what(), step.logRows(), step.millis());
    CompositeProver.Proved proved;
    try {
      proved = prover.prove(guest.program(), input(job), options, progress);
    } catch (GuestFault e) {
      throw new IllegalStateException("the block guest faulted on block " + job.blockNumber() + ": " + e.getMessage(), e);
    }
    accept(proved.execution(), job.blockNumber());
    ReceiptVerifier.strict().verify(proved.receipt(), guest.imageId());
    LOG.info("block {}: {} cycles in {} segments proven and verified in {} ms ({})", job.blockNumber(),
        proved.execution().cycles(), proved.execution().segments().size(), proved.traceMillis() + proved.proveMillis(),
        proved.security());
    return proved.receipt();
  }

  @Override
  public Program program() {
    return guest.program();
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }

  @Override
  public byte[] input(ProvingJob job) {
    return GuestInputs.encode(job.input());
  }

  @Override
  public void accept(ExecutionResult run, long blockNumber) {
    if (run.exitCode() != 0) {
      String reason = new String(run.stderr(), StandardCharsets.UTF_8).strip();
      throw new IllegalStateException("the block guest rejected block " + blockNumber + " (exit code "
          + run.exitCode() + ")" + (reason.isEmpty() ? "" : ": " + reason));
    }
  }
}

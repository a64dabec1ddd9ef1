package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.OutputStream;

/** The hello guest as a block prover's guest, in segments of 2^10 cycles (3 segments): small enough for CI. */
final class HelloGuest implements SegmentedGuest {

  static final HelloGuest INSTANCE = new HelloGuest();

  private final Program program = Program.fromElf(Guests.bundled("hello"));
  private final ImageId image = new CompositeProver(new CpuBackend()).imageId(program);

  private HelloGuest() {}

  @Override
  public Program program() {
    return program;
  }

  @Override
  public ImageId imageId() {
    return image;
  }

  @Override
  public ExecutorOptions options() {
    return ExecutorOptions.defaults().withPo2(10)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
  }

  @Override
  public byte[] input(ProvingJob job) {
    return new byte[0];
  }

  @Override
  public void accept(ExecutionResult run, long blockNumber) {
    assertThat(run.exitCode()).isZero();
  }
}

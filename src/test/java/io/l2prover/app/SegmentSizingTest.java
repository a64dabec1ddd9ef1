package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.receipt.SegmentMemoryPlan;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROVER_SEGMENT_PO2 against a fake device's memory size (nothing here touches a GPU). */
class SegmentSizingTest {

  private static final Program BLOCK = Program.fromElf(Guests.bundled("block"));
  /** A device whose usable nine tenths hold a segment of 2^19 cycles, not one of 2^20. */
  private static final long MEMORY = (long) (SegmentMemoryPlan.of(new Rv32imCircuit(GuestProgram.of(BLOCK)),
      FriParameters.DEFAULT, 19).totalBytes() / 0.9) + 1;

  private static CudaBackend gpu(long memory) {
    return new CudaBackend(new CudaStatus(true, "", "Test GPU", 9, 0, 13000, 0, memory));
  }

  @Test
  void unsetOnAGpuIsTheLargestThatFits() {
    assertThat(SegmentSizing.choose(20, false, gpu(MEMORY), BLOCK)).isEqualTo(19);
    assertThat(SegmentSizing.choose(17, false, gpu(1L << 50), BLOCK)).isEqualTo(22);
  }

  @Test
  void setOnAGpuIsKeptWhenItFitsAndRefusedWithOneLineWhenNot() {
    assertThat(SegmentSizing.choose(18, true, gpu(MEMORY), BLOCK)).isEqualTo(18);
    assertThatThrownBy(() -> SegmentSizing.choose(20, true, gpu(MEMORY), BLOCK))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("PROVER_SEGMENT_PO2=20: a segment of 2^20 cycles plans ")
        .hasMessageContaining("more than Test GPU (")
        .hasMessageEndingWith("set PROVER_SEGMENT_PO2=19 or lower, or leave it unset")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aDeviceThatHoldsNoSegmentIsRefused() {
    assertThatThrownBy(() -> SegmentSizing.choose(20, false, gpu(1L << 30), BLOCK))
        .isInstanceOf(UserError.class).hasMessageStartingWith("no segment fits the device memory of Test GPU (1.0 GiB")
        .hasMessageEndingWith("set PROVER_GPU=off");
  }

  @Test
  void theCpuAndADeviceOfUnknownMemoryKeepTheSetting() {
    assertThat(SegmentSizing.choose(21, false, new CpuBackend(), BLOCK)).isEqualTo(21);
    assertThat(SegmentSizing.choose(21, true, gpu(0), BLOCK)).isEqualTo(21);
  }

  /** Through the command: the check comes before any proving (which would need the real device). */
  @Test
  void proveRefusesSegmentsTheGpuCannotHold() {
    Roles roles = Roles.standard(Map.of("PROVER_SEGMENT_PO2", "22"), new BackendSelector(
        () -> new CudaStatus(true, "", "Test GPU", 9, 0, 13000, 0, MEMORY), CpuBackend::new));
    assertThatThrownBy(() -> roles.find("block").orElseThrow().run(new String[] {"prove", "--genesis", "absent.json",
        "--chain", "absent.rlp", "--number", "1"}))
        .isInstanceOf(UserError.class).hasMessageStartingWith("PROVER_SEGMENT_PO2=22: ");
  }
}

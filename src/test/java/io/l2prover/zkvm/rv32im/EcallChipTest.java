package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.Ecall;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ecall rows the executor's runs rarely reach in small guests: the probe, precompile calls that are off. */
class EcallChipTest {

  private static Optional<String> check(int a7, int result) {
    EcallChip chip = new EcallChip();
    ChipTrace ecalls = chip.trace(List.of(new EcallChip.Event(5, a7, 0, 0, 0, result, 0, new long[4])), 0);
    // The byte table counts only the lookups it can answer; the others stay unbalanced.
    ChipTrace bytes = new ByteTable().trace(List.of(ecalls));
    return ChipCheck.check(List.of(ecalls, bytes), List.of(), EnumSet.of(Bus.BYTE));
  }

  @Test
  void theProbeAnswersTheProvenCallsOnly() {
    assertThat(check(Ecall.FIRST_PRECOMPILE, Syscall.PROVEN_PRECOMPILES)).isEmpty();
    assertThat(Syscall.PROVEN_PRECOMPILES).as("every call has a chip").isEqualTo(0xfe);
    assertThat(check(Ecall.FIRST_PRECOMPILE, Ecall.ENOSYS)).isPresent();
    assertThat(check(Ecall.FIRST_PRECOMPILE, 0x6)).as("the probe and Keccak-f only").isPresent();
  }

  @Test
  void aChipCallIsANumber0x10xx() {
    // Byte 0 is the chip's to fix (the precompile bus carries it); the other bytes are fixed here.
    for (int a7 : new int[] {0x2003, 0x0003, 0x01001003, 0x1103}) {
      assertThat(forged(a7)).as("a7 = 0x%x", a7).isPresent();
    }
  }

  /** A row flagged as a call handed to a chip whose a7 is {@code a7}. */
  private static Optional<String> forged(int a7) {
    EcallChip chip = new EcallChip();
    ChipTrace honest = chip.trace(List.of(new EcallChip.Event(5, MulModChip.CALL, 0, 0, 0, 0, 0,
        new long[4])), 0);
    int[][] main = honest.main().clone();
    List<String> names = chip.columnNames();
    for (int i = 0; i < 4; i++) {
      int column = names.indexOf("a7[" + i + "]");
      main[column] = main[column].clone();
      main[column][0] = (a7 >>> (8 * i)) & 0xff;
    }
    ChipTrace forged = new ChipTrace(chip, honest.preprocessed(), main, honest.publicValues());
    return ChipCheck.check(List.of(forged, new ByteTable().trace(List.of(forged))), List.of(), EnumSet.of(Bus.BYTE));
  }
}

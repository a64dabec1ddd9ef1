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
  void everyPrecompileNumberThatIsOffAnswersEnosys() {
    for (int n = Syscall.FIRST_OFF; n <= Ecall.LAST_PRECOMPILE; n++) {
      assertThat(check(n, Ecall.ENOSYS)).as("call 0x%x", n).isEmpty();
    }
  }

  @Test
  void theProbeAnswersTheProvenCallsOnly() {
    assertThat(check(Ecall.FIRST_PRECOMPILE, Syscall.PROVEN_PRECOMPILES)).isEmpty();
    assertThat(check(Ecall.FIRST_PRECOMPILE, Ecall.ENOSYS)).isPresent();
    assertThat(check(Ecall.FIRST_PRECOMPILE, 0xfe)).as("every call").isPresent();
  }

  @Test
  void aPrecompileCannotAnswerAnythingElse() {
    assertThat(check(Syscall.FIRST_OFF, 0)).isPresent();
    assertThat(check(Ecall.LAST_PRECOMPILE, Ecall.ENOSYS + 1)).isPresent();
  }

  @Test
  void numbersOutsideThePrecompilesCannotPassAsOne() {
    // Keccak-f (0x1002) and the probe cannot claim to be off either: they are proven.
    for (int a7 : new int[] {0x1000, 0x1001, 0x1002, Ecall.LAST_PRECOMPILE + 1, 0x10ff, 0x2001}) {
      assertThat(forged(a7)).as("a7 = 0x%x", a7).isPresent();
    }
  }

  /** A row flagged as an unavailable precompile whose a7 is {@code a7}. */
  private static Optional<String> forged(int a7) {
    EcallChip chip = new EcallChip();
    ChipTrace honest = chip.trace(List.of(new EcallChip.Event(5, Syscall.FIRST_OFF, 0, 0, 0, Ecall.ENOSYS, 0,
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

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sections of a guest ELF by name, and files that are no ELF. */
class ElfSectionTest {

  private static final byte[] HELLO = Guests.bundled("hello");

  @Test
  void readsASectionByNameAndNothingForAnAbsentOne() {
    byte[] names = ElfSection.read(HELLO, ".shstrtab").orElseThrow();
    assertThat(new String(names, StandardCharsets.US_ASCII)).contains(".text").contains(".shstrtab");
    assertThat(ElfSection.read(HELLO, ".text").orElseThrow()).isNotEmpty();
    assertThat(ElfSection.read(HELLO, ".l2vm.evm_dispatch")).isEmpty();
    assertThat(ElfSection.read(HELLO, ".tex")).isEmpty();
  }

  @Test
  void aFileThatIsNoElfOrIsCutShortIsRefused() {
    assertThatThrownBy(() -> ElfSection.read("not an elf, certainly not one".repeat(3).getBytes(), ".text"))
        .isInstanceOf(InvalidElfException.class).hasMessageContaining("not an ELF32");
    assertThatThrownBy(() -> ElfSection.read(Arrays.copyOf(HELLO, 1024), ".text"))
        .isInstanceOf(InvalidElfException.class).hasMessageContaining("outside the file");
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ELF loading: what a valid guest looks like after loading, and one clear error per kind of bad file. */
class ProgramTest {

  private static final byte[] VALID = TinyElf.of(new Rv32Asm().exit(0).words(), 4096);

  @Test
  void loadsSegmentsEntryAndPermissions() {
    Program p = Program.fromElf(VALID);
    assertThat(p.entry()).isEqualTo(TinyElf.TEXT);
    assertThat(p.segments()).hasSize(2);
    assertThat(p.segments().get(0).executable()).isTrue();
    assertThat(p.segments().get(1).flags()).isEqualTo(6);
    assertThat(p.segments().get(1).memorySize()).isEqualTo(4096);
  }

  @Test
  void loadsTheBundledGuestsPageAligned() {
    Program p = Program.fromElf(Guests.bundled("hello"));
    assertThat(p.segments()).extracting(LoadSegment::flags).containsExactly(5, 4, 6);
    assertThat(p.segments()).allSatisfy(s -> assertThat(s.address() % 4096).isZero());
  }

  @Test
  void rejectsNonElf() {
    assertThatThrownBy(() -> Program.fromElf("#!/bin/sh\necho hi\n".repeat(4).getBytes()))
        .isInstanceOf(InvalidElfException.class).hasMessage("invalid guest ELF: not an ELF file (bad magic)");
  }

  @Test
  void rejectsShortFile() {
    assertThatThrownBy(() -> Program.fromElf(Arrays.copyOf(VALID, 20)))
        .hasMessageContaining("too short for an ELF header");
  }

  @Test
  void rejects64Bit() {
    byte[] elf = VALID.clone();
    elf[4] = 2;
    assertThatThrownBy(() -> Program.fromElf(elf)).hasMessageContaining("not ELF32 (build for riscv32");
  }

  @Test
  void rejectsOtherMachines() {
    byte[] elf = VALID.clone();
    elf[18] = 62; // x86-64
    assertThatThrownBy(() -> Program.fromElf(elf)).hasMessageContaining("machine 62 is not RISC-V");
  }

  @Test
  void rejectsCompressedAndFloatAbis() {
    byte[] rvc = VALID.clone();
    rvc[36] = 1;
    assertThatThrownBy(() -> Program.fromElf(rvc)).hasMessageContaining("compressed instructions (RVC)");
    byte[] hardFloat = VALID.clone();
    hardFloat[36] = 4;
    assertThatThrownBy(() -> Program.fromElf(hardFloat)).hasMessageContaining("-mabi=ilp32");
  }

  @Test
  void rejectsTruncatedSegments() {
    assertThatThrownBy(() -> Program.fromElf(Arrays.copyOf(VALID, VALID.length - 4)))
        .hasMessageContaining("runs past the end of the file (truncated?)");
    assertThatThrownBy(() -> Program.fromElf(Arrays.copyOf(VALID, 60)))
        .hasMessageContaining("program headers run past the end of the file");
  }

  @Test
  void rejectsOverlappingSegmentsAndSharedPages() {
    assertThatThrownBy(() -> Program.fromElf(withDataAt(TinyElf.TEXT)))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> Program.fromElf(withDataAt(TinyElf.TEXT + 0x100)))
        .hasMessageContaining("share a 4 KiB page; link with page-aligned segments");
  }

  @Test
  void rejectsEntryOutsideExecutableSegments() {
    byte[] elf = VALID.clone();
    ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putInt(24, TinyElf.DATA);
    assertThatThrownBy(() -> Program.fromElf(elf)).hasMessageContaining("entry point 0x00020000 is not in an executable");
  }

  @Test
  void rejectsSharedObjects() {
    byte[] elf = VALID.clone();
    elf[16] = 3; // ET_DYN
    assertThatThrownBy(() -> Program.fromElf(elf)).hasMessageContaining("not a static executable");
  }

  /** VALID with its data segment moved to {@code address}. */
  private static byte[] withDataAt(int address) {
    byte[] elf = VALID.clone();
    ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putInt(52 + 32 + 8, address);
    return elf;
  }
}

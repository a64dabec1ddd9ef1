package io.l2prover.zkvm.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one section of a guest ELF by name, for what a guest tells the host outside its loaded
 * image (the block guest's EVM dispatch mark, {@code docs/evm.md}); {@link Program} needs only
 * the program headers.
 */
public final class ElfSection {

  private static final int HEADER_SIZE = 40;
  private static final int SHT_NOBITS = 8;

  private ElfSection() {}

  /**
   * The contents of the section called {@code name}, or empty when the file has none.
   *
   * @throws InvalidElfException when the file is not an ELF32 whose section table lies inside it
   */
  public static Optional<byte[]> read(byte[] elf, String name) {
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
    if (elf.length < 52 || b.getInt(0) != 0x464c457f || elf[4] != 1) {
      throw new InvalidElfException("invalid guest ELF: not an ELF32 file");
    }
    long tableOffset = Integer.toUnsignedLong(b.getInt(0x20));
    int entrySize = Short.toUnsignedInt(b.getShort(0x2e));
    int count = Short.toUnsignedInt(b.getShort(0x30));
    int namesIndex = Short.toUnsignedInt(b.getShort(0x32));
    if (count == 0) {
      return Optional.empty();
    }
    if (entrySize < HEADER_SIZE || namesIndex >= count || tableOffset + (long) count * entrySize > elf.length) {
      throw new InvalidElfException("invalid guest ELF: its section header table lies outside the file");
    }
    int namesHeader = (int) tableOffset + namesIndex * entrySize;
    byte[] names = contents(elf, b, namesHeader);
    byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < count; i++) {
      int header = (int) tableOffset + i * entrySize;
      if (nameIs(names, b.getInt(header), wanted)) {
        return Optional.of(contents(elf, b, header));
      }
    }
    return Optional.empty();
  }

  private static byte[] contents(byte[] elf, ByteBuffer b, int header) {
    if (b.getInt(header + 4) == SHT_NOBITS) {
      return new byte[0]; // .bss and the like occupy no file bytes
    }
    long offset = Integer.toUnsignedLong(b.getInt(header + 16));
    long size = Integer.toUnsignedLong(b.getInt(header + 20));
    if (offset + size > elf.length) {
      throw new InvalidElfException("invalid guest ELF: a section lies outside the file");
    }
    byte[] data = new byte[(int) size];
    System.arraycopy(elf, (int) offset, data, 0, data.length);
    return data;
  }

  private static boolean nameIs(byte[] names, int at, byte[] wanted) {
    if (at < 0 || at + wanted.length >= names.length) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (names[at + i] != wanted[i]) {
        return false;
      }
    }
    return names[at + wanted.length] == 0;
  }
}

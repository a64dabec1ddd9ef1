package io.l2prover.zkvm.exec;

import java.util.Arrays;

/** A tiny RV32IM assembler for tests: appends encoded instructions to a growing word array. */
final class Rv32Asm {

  private int[] words = new int[64];
  private int size;

  int size() {
    return size;
  }

  int[] words() {
    return Arrays.copyOf(words, size);
  }

  Rv32Asm word(int w) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
    }
    words[size++] = w;
    return this;
  }

  /** Replaces the word at index {@code at} (to patch a forward branch). */
  void patch(int at, int w) {
    words[at] = w;
  }

  static int r(int funct7, int rs2, int rs1, int funct3, int rd, int opcode) {
    return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
  }

  static int i(int imm, int rs1, int funct3, int rd, int opcode) {
    return (imm & 0xfff) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
  }

  static int s(int imm, int rs2, int rs1, int funct3) {
    return ((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (imm & 0x1f) << 7 | 0x23;
  }

  static int b(int offset, int rs2, int rs1, int funct3) {
    return ((offset >> 12) & 1) << 31 | ((offset >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12
        | ((offset >> 1) & 0xf) << 8 | ((offset >> 11) & 1) << 7 | 0x63;
  }

  static int u(int imm20, int rd, int opcode) {
    return imm20 << 12 | rd << 7 | opcode;
  }

  static int j(int offset, int rd) {
    return ((offset >> 20) & 1) << 31 | ((offset >> 1) & 0x3ff) << 21 | ((offset >> 11) & 1) << 20
        | ((offset >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
  }

  Rv32Asm lui(int rd, int imm20) {
    return word(u(imm20 & 0xfffff, rd, 0x37));
  }

  Rv32Asm auipc(int rd, int imm20) {
    return word(u(imm20 & 0xfffff, rd, 0x17));
  }

  Rv32Asm addi(int rd, int rs1, int imm) {
    return word(i(imm, rs1, 0, rd, 0x13));
  }

  /** Loads any 32-bit constant with lui + addi. */
  Rv32Asm li(int rd, int value) {
    int low = (value << 20) >> 20;
    int high = (value - low) >>> 12;
    return lui(rd, high).addi(rd, rd, low);
  }

  Rv32Asm ecall() {
    return word(0x00000073);
  }

  /** write(fd, buffer, length) then nothing else; clobbers a0, a1, a2, a7. */
  Rv32Asm write(int fd, int buffer, int length) {
    return li(10, fd).li(11, buffer).li(12, length).li(17, 64).ecall();
  }

  /** exit(code). */
  Rv32Asm exit(int code) {
    return li(10, code).li(17, 93).ecall();
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Disassembly as it appears in fault messages. */
class DisassemblerTest {

  @Test
  void formatsEachInstructionShape() {
    assertThat(Disassembler.format(0x00052503, 0)).isEqualTo("lw a0, 0(a0)");
    assertThat(Disassembler.format(Rv32Asm.s(-4, 12, 2, 0), 0)).isEqualTo("sb a2, -4(sp)");
    assertThat(Disassembler.format(Rv32Asm.i(-1, 10, 0, 11, 0x13), 0)).isEqualTo("addi a1, a0, -1");
    assertThat(Disassembler.format(Rv32Asm.r(1, 12, 11, 6, 10, 0x33), 0)).isEqualTo("rem a0, a1, a2");
    assertThat(Disassembler.format(Rv32Asm.b(-8, 0, 10, 1), 0x1000)).isEqualTo("bne a0, zero, 0x00000ff8");
    assertThat(Disassembler.format(Rv32Asm.j(16, 1), 0x1000)).isEqualTo("jal ra, 0x00001010");
    assertThat(Disassembler.format(Rv32Asm.u(0x12345, 5, 0x37), 0)).isEqualTo("lui t0, 0x12345");
    assertThat(Disassembler.format(Rv32Asm.u(1, 5, 0x17), 0)).isEqualTo("auipc t0, 0x1");
    assertThat(Disassembler.format(0x00000073, 0)).isEqualTo("ecall");
    assertThat(Disassembler.format(0x00100073, 0)).isEqualTo("ebreak");
    assertThat(Disassembler.format(0xffffffff, 0)).isEqualTo("illegal instruction");
    assertThat(Disassembler.format(0x00004501, 0)).isEqualTo("compressed or invalid instruction");
  }

  @Test
  void refusesEncodingsOutsideRv32im() {
    assertThat(Disassembler.format(0x02000033 | 0x40000000, 0)).isEqualTo("illegal instruction"); // funct7 0x21
    assertThat(Disassembler.format(0x30200073, 0)).isEqualTo("illegal instruction"); // mret
    assertThat(Disassembler.format(0x0000100f, 0)).isEqualTo("illegal instruction"); // fence.i
    assertThat(Disassembler.format(0x00000000, 0)).isEqualTo("compressed or invalid instruction");
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The public decoder against the encoding tables of the ISA manual (RV32I base table, chapter 34, and the M extension). */
class InstructionTest {

  /** Opcode, funct3 and funct7 of each operation, as listed in the manual; -1 where the format has no such field. */
  private record Encoding(int opcode, int funct3, int funct7) {}

  private static final Map<Opcode, Encoding> MANUAL = Map.ofEntries(
      Map.entry(Opcode.LUI, new Encoding(0x37, -1, -1)),
      Map.entry(Opcode.AUIPC, new Encoding(0x17, -1, -1)),
      Map.entry(Opcode.JAL, new Encoding(0x6f, -1, -1)),
      Map.entry(Opcode.JALR, new Encoding(0x67, 0, -1)),
      Map.entry(Opcode.BEQ, new Encoding(0x63, 0, -1)),
      Map.entry(Opcode.BNE, new Encoding(0x63, 1, -1)),
      Map.entry(Opcode.BLT, new Encoding(0x63, 4, -1)),
      Map.entry(Opcode.BGE, new Encoding(0x63, 5, -1)),
      Map.entry(Opcode.BLTU, new Encoding(0x63, 6, -1)),
      Map.entry(Opcode.BGEU, new Encoding(0x63, 7, -1)),
      Map.entry(Opcode.LB, new Encoding(0x03, 0, -1)),
      Map.entry(Opcode.LH, new Encoding(0x03, 1, -1)),
      Map.entry(Opcode.LW, new Encoding(0x03, 2, -1)),
      Map.entry(Opcode.LBU, new Encoding(0x03, 4, -1)),
      Map.entry(Opcode.LHU, new Encoding(0x03, 5, -1)),
      Map.entry(Opcode.SB, new Encoding(0x23, 0, -1)),
      Map.entry(Opcode.SH, new Encoding(0x23, 1, -1)),
      Map.entry(Opcode.SW, new Encoding(0x23, 2, -1)),
      Map.entry(Opcode.ADDI, new Encoding(0x13, 0, -1)),
      Map.entry(Opcode.SLTI, new Encoding(0x13, 2, -1)),
      Map.entry(Opcode.SLTIU, new Encoding(0x13, 3, -1)),
      Map.entry(Opcode.XORI, new Encoding(0x13, 4, -1)),
      Map.entry(Opcode.ORI, new Encoding(0x13, 6, -1)),
      Map.entry(Opcode.ANDI, new Encoding(0x13, 7, -1)),
      Map.entry(Opcode.SLLI, new Encoding(0x13, 1, 0x00)),
      Map.entry(Opcode.SRLI, new Encoding(0x13, 5, 0x00)),
      Map.entry(Opcode.SRAI, new Encoding(0x13, 5, 0x20)),
      Map.entry(Opcode.ADD, new Encoding(0x33, 0, 0x00)),
      Map.entry(Opcode.SUB, new Encoding(0x33, 0, 0x20)),
      Map.entry(Opcode.SLL, new Encoding(0x33, 1, 0x00)),
      Map.entry(Opcode.SLT, new Encoding(0x33, 2, 0x00)),
      Map.entry(Opcode.SLTU, new Encoding(0x33, 3, 0x00)),
      Map.entry(Opcode.XOR, new Encoding(0x33, 4, 0x00)),
      Map.entry(Opcode.SRL, new Encoding(0x33, 5, 0x00)),
      Map.entry(Opcode.SRA, new Encoding(0x33, 5, 0x20)),
      Map.entry(Opcode.OR, new Encoding(0x33, 6, 0x00)),
      Map.entry(Opcode.AND, new Encoding(0x33, 7, 0x00)),
      Map.entry(Opcode.MUL, new Encoding(0x33, 0, 0x01)),
      Map.entry(Opcode.MULH, new Encoding(0x33, 1, 0x01)),
      Map.entry(Opcode.MULHSU, new Encoding(0x33, 2, 0x01)),
      Map.entry(Opcode.MULHU, new Encoding(0x33, 3, 0x01)),
      Map.entry(Opcode.DIV, new Encoding(0x33, 4, 0x01)),
      Map.entry(Opcode.DIVU, new Encoding(0x33, 5, 0x01)),
      Map.entry(Opcode.REM, new Encoding(0x33, 6, 0x01)),
      Map.entry(Opcode.REMU, new Encoding(0x33, 7, 0x01)));

  /** Encodes {@code i} with the manual's table and the test assembler's field layouts. */
  private static int encode(Instruction i) {
    Encoding e = MANUAL.get(i.op());
    int funct3 = Math.max(e.funct3(), 0);
    return switch (i.op().format()) {
      case R -> Rv32Asm.r(e.funct7(), i.rs2(), i.rs1(), funct3, i.rd(), e.opcode());
      case I -> Rv32Asm.i(e.funct7() > 0 ? e.funct7() << 5 | i.imm() : i.imm(), i.rs1(), funct3, i.rd(), e.opcode());
      case S -> Rv32Asm.s(i.imm(), i.rs2(), i.rs1(), funct3);
      case B -> Rv32Asm.b(i.imm(), i.rs2(), i.rs1(), funct3);
      case U -> Rv32Asm.u(i.imm() >>> 12, i.rd(), e.opcode());
      case J -> Rv32Asm.j(i.imm(), i.rd());
      case NONE -> throw new IllegalArgumentException(i.op() + " has no fields");
    };
  }

  @Test
  void everyOperationDecodesFromItsManualEncoding() {
    for (Map.Entry<Opcode, Encoding> e : MANUAL.entrySet()) {
      Opcode op = e.getKey();
      int imm = switch (op.format()) {
        case I -> op == Opcode.SLLI || op == Opcode.SRLI || op == Opcode.SRAI ? 31 : -2048;
        case S -> 2047;
        case B -> -4096;
        case U -> 0xfffff000;
        case J -> -1048576;
        default -> 0;
      };
      Instruction expected = new Instruction(op, op.writesRd() ? 5 : 0, op.readsRs1() ? 17 : 0,
          op.readsRs2() ? 31 : 0, imm);
      assertThat(Instruction.decode(encode(expected))).as("%s", op).isEqualTo(expected);
    }
    Set<Opcode> covered = EnumSet.copyOf(MANUAL.keySet());
    covered.addAll(Set.of(Opcode.FENCE, Opcode.ECALL, Opcode.EBREAK, Opcode.ILLEGAL));
    assertThat(covered).containsExactlyInAnyOrder(Opcode.values());
  }

  @Test
  void systemWordsAndUnusedFields() {
    assertThat(Instruction.decode(0x00000073)).isEqualTo(new Instruction(Opcode.ECALL, 0, 0, 0, 0));
    assertThat(Instruction.decode(0x00100073)).isEqualTo(new Instruction(Opcode.EBREAK, 0, 0, 0, 0));
    assertThat(Instruction.decode(0x0ff0000f)).isEqualTo(new Instruction(Opcode.FENCE, 0, 0, 0, 0)); // fence iorw, iorw
    // addi a0, a1, 1: the rs2 bits hold immediate bits and must not leak into rs2.
    assertThat(Instruction.decode(Rv32Asm.i(1, 11, 0, 10, 0x13))).isEqualTo(new Instruction(Opcode.ADDI, 10, 11, 0, 1));
    assertThat(Instruction.decode(0x00000000).op()).isEqualTo(Opcode.ILLEGAL);
    assertThat(Instruction.decode(0x0000100f).op()).as("fence.i").isEqualTo(Opcode.ILLEGAL);
    assertThat(Instruction.decode(0x30200073).op()).as("mret").isEqualTo(Opcode.ILLEGAL);
    assertThat(Instruction.decode(0x02001013).op()).as("slli with RV64's shamt bit 5").isEqualTo(Opcode.ILLEGAL);
  }

  @Property(tries = 5000)
  void everyDecodedWordEncodesBackToItself(@ForAll int word) {
    Instruction i = Instruction.decode(word);
    if (i.op().format() != Opcode.Format.NONE) {
      assertThat(encode(i)).isEqualTo(word);
    }
  }

  @Property(tries = 2000)
  void thePredecodedFormCarriesTheSameOperationAndRegisters(@ForAll int word, @ForAll int pc) {
    Instruction i = Instruction.decode(word);
    int[] packed = new int[2];
    Decoder.decodeInto(packed, 0, word, pc);
    assertThat(Decoder.op(packed[0])).isEqualTo(Decoder.op(i.op()));
    assertThat(Decoder.rd(packed[0])).isEqualTo(i.rd() == 0 ? Op.SINK : i.rd());
    assertThat(Decoder.rs1(packed[0])).isEqualTo(i.rs1());
    assertThat(Decoder.rs2(packed[0])).isEqualTo(i.rs2());
    boolean relative = i.op() == Opcode.AUIPC || i.op() == Opcode.JAL || i.op().category() == Opcode.Category.BRANCH;
    assertThat(packed[1]).isEqualTo(relative ? pc + i.imm() : i.imm());
  }
}

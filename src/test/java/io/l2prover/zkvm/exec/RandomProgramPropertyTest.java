package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Assumptions;

/**
 * Random RV32IM programs (ALU, M extension, loads and stores into a scratch buffer, forward
 * branches and jumps) that dump their registers and scratch memory to stdout: our executor and
 * qemu-riscv32 must print the same bytes.
 */
class RandomProgramPropertyTest {

  private static final int BASE = 31; // holds the scratch buffer's address; never a destination
  private static final int SCRATCH = 256;
  private static final int DUMP = 0x400;
  private static final int[] INTERESTING = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, 31, 32, 0x80, 0xff,
      0x8000, 0xffff, -2048, 2047};

  @BeforeProperty
  void needsQemu() {
    Assumptions.assumeTrue(QemuDifferentialTest.QEMU.isPresent(),
        "qemu-riscv32 not found: property test skipped (apt-get install qemu-user)");
  }

  @Property(tries = 40, shrinking = ShrinkingMode.OFF)
  void randomProgramsAgreeWithQemu(@ForAll long seed) throws Exception {
    byte[] elf = TinyElf.of(generate(new Random(seed)), 0x1000);
    QemuRunner.Run reference = QemuDifferentialTest.QEMU.get().run(elf, new byte[0], 30);
    ExecutionResult ours = Executor.run(elf, new byte[0], ExecutorOptions.defaults());
    assertThat(reference.exitCode()).as("qemu exit; stderr: %s", new String(reference.stderr())).isZero();
    assertThat(ours.exitCode()).isZero();
    assertThat(ours.stdout()).as("register and scratch dump of seed %d", seed).isEqualTo(reference.stdout());
  }

  static int[] generate(Random random) {
    Rv32Asm asm = new Rv32Asm();
    asm.li(BASE, TinyElf.DATA);
    for (int r = 1; r < BASE; r++) {
      asm.li(r, random.nextInt(3) == 0 ? random.nextInt() : INTERESTING[random.nextInt(INTERESTING.length)]);
    }
    // The body is a list of groups; branches and jumps skip whole groups, so they never land
    // inside the auipc/jalr pair of another group.
    List<int[]> groups = new ArrayList<>();
    List<Integer> skips = new ArrayList<>();
    int length = 40 + random.nextInt(80);
    for (int g = 0; g < length; g++) {
      int[] skip = {0};
      groups.add(randomGroup(random, skip));
      skips.add(skip[0]);
    }
    for (int g = 0; g < groups.size(); g++) {
      int[] group = groups.get(g);
      int skip = Math.min(skips.get(g), groups.size() - 1 - g);
      int offset = 4;
      for (int k = 1; k <= skip; k++) {
        offset += 4 * groups.get(g + k).length;
      }
      int insn = group[0];
      if ((insn & 0x7f) == 0x63) {
        group[0] = Rv32Asm.b(offset, (insn >>> 20) & 31, (insn >>> 15) & 31, (insn >>> 12) & 7);
      } else if ((insn & 0x7f) == 0x6f) {
        group[0] = Rv32Asm.j(offset, (insn >>> 7) & 31);
      }
      for (int w : group) {
        asm.word(w);
      }
    }
    for (int r = 1; r < BASE; r++) {
      asm.word(Rv32Asm.s(DUMP + 4 * r, r, BASE, 2));
    }
    asm.write(1, TinyElf.DATA, DUMP + 4 * BASE).exit(0);
    return asm.words();
  }

  /** One random group of instructions; a branch or jal (offset patched later) sets skip[0] to the groups it skips. */
  private static int[] randomGroup(Random random, int[] skip) {
    int rd = 1 + random.nextInt(BASE - 1);
    int rs1 = random.nextInt(BASE);
    int rs2 = random.nextInt(BASE);
    switch (random.nextInt(10)) {
      case 0, 1, 2 -> { // register-register ALU and M extension
        int[][] ops = {{0, 0}, {0x20, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0x20, 5}, {0, 6}, {0, 7},
            {1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}};
        int[] op = ops[random.nextInt(ops.length)];
        return new int[] {Rv32Asm.r(op[0], rs2, rs1, op[1], rd, 0x33)};
      }
      case 3, 4 -> { // immediate ALU
        int funct3 = random.nextInt(8);
        int imm = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextInt(4096) - 2048;
        if (funct3 == 1) {
          imm = random.nextInt(32);
        } else if (funct3 == 5) {
          imm = random.nextInt(32) | (random.nextBoolean() ? 0x400 : 0);
        }
        return new int[] {Rv32Asm.i(imm, rs1, funct3, rd, 0x13)};
      }
      case 5 -> { // loads of every width from the scratch buffer
        int funct3 = new int[] {0, 1, 2, 4, 5}[random.nextInt(5)];
        int width = 1 << (funct3 & 3);
        return new int[] {Rv32Asm.i(random.nextInt(SCRATCH / width) * width, BASE, funct3, rd, 0x03)};
      }
      case 6 -> { // stores of every width into the scratch buffer
        int funct3 = random.nextInt(3);
        int width = 1 << funct3;
        return new int[] {Rv32Asm.s(random.nextInt(SCRATCH / width) * width, rs2, BASE, funct3)};
      }
      case 7 -> { // forward conditional branch over 0..3 groups
        skip[0] = random.nextInt(4);
        int funct3 = new int[] {0, 1, 4, 5, 6, 7}[random.nextInt(6)];
        return new int[] {Rv32Asm.b(4, rs2, rs1, funct3)};
      }
      case 8 -> { // forward jal, or lui/auipc
        int choice = random.nextInt(3);
        if (choice == 0) {
          skip[0] = random.nextInt(3);
          return new int[] {Rv32Asm.j(4, rd)};
        }
        return new int[] {Rv32Asm.u(random.nextInt(1 << 20), rd, choice == 1 ? 0x37 : 0x17)};
      }
      default -> { // jalr via auipc to 2 instructions ahead (bit 0 of the target set half the time)
        int link = 1 + random.nextInt(BASE - 1);
        return new int[] {
            Rv32Asm.u(0, rd, 0x17),
            Rv32Asm.i(12 + (random.nextBoolean() ? 1 : 0), rd, 0, link, 0x67),
            Rv32Asm.i(1, 0, 0, rd, 0x13), // skipped
        };
      }
    }
  }
}

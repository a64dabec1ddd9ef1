package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The reference semantics: the ISA manual's corner cases, a BigInteger cross-check, and the translator's inlined copies. */
class SemanticsTest {

  private static final int MIN = Integer.MIN_VALUE;

  @Test
  void divisionByZeroAndOverflowFollowTheMExtensionTable() {
    // RISC-V ISA manual, M extension, "Semantics for division by zero and division overflow".
    int x = 12345;
    assertThat(Semantics.divu(x, 0)).isEqualTo(0xffffffff);
    assertThat(Semantics.remu(x, 0)).isEqualTo(x);
    assertThat(Semantics.div(x, 0)).isEqualTo(-1);
    assertThat(Semantics.rem(x, 0)).isEqualTo(x);
    assertThat(Semantics.div(-x, 0)).isEqualTo(-1);
    assertThat(Semantics.rem(-x, 0)).isEqualTo(-x);
    assertThat(Semantics.div(MIN, -1)).isEqualTo(MIN);
    assertThat(Semantics.rem(MIN, -1)).isZero();
    // Rounding towards zero; the remainder takes the dividend's sign.
    assertThat(Semantics.div(-7, 2)).isEqualTo(-3);
    assertThat(Semantics.rem(-7, 2)).isEqualTo(-1);
    assertThat(Semantics.div(7, -2)).isEqualTo(-3);
    assertThat(Semantics.rem(7, -2)).isEqualTo(1);
    assertThat(Semantics.divu(-7, 2)).isEqualTo(0x7ffffffc);
    assertThat(Semantics.remu(-7, 2)).isEqualTo(1);
  }

  @Test
  void highProductsOfExtremeOperands() {
    assertThat(Semantics.mulh(-1, -1)).isZero();
    assertThat(Semantics.mulhu(-1, -1)).isEqualTo(0xfffffffe);
    assertThat(Semantics.mulhsu(-1, -1)).isEqualTo(-1); // -1 * (2^32 - 1)
    assertThat(Semantics.mulh(MIN, MIN)).isEqualTo(0x40000000);
    assertThat(Semantics.mulhu(MIN, MIN)).isEqualTo(0x40000000);
    assertThat(Semantics.mulhsu(MIN, -1)).isEqualTo(MIN); // -2^31 * (2^32 - 1)
    assertThat(Semantics.mulhsu(MIN, MIN)).isEqualTo(0xc0000000);
    assertThat(Semantics.mul(MIN, -1)).isEqualTo(MIN);
  }

  @Test
  void shiftsAndComparisons() {
    assertThat(Semantics.sll(1, 33)).as("low 5 bits of the amount").isEqualTo(2);
    assertThat(Semantics.srl(MIN, 31)).isEqualTo(1);
    assertThat(Semantics.sra(MIN, 31)).isEqualTo(-1);
    assertThat(Semantics.sra(MIN, 32)).isEqualTo(MIN);
    assertThat(Semantics.slt(-1, 0)).isEqualTo(1);
    assertThat(Semantics.sltu(-1, 0)).isZero();
    assertThat(Semantics.sltu(0, -1)).isEqualTo(1);
    assertThat(Semantics.branch(Opcode.BLT, -1, 1)).isTrue();
    assertThat(Semantics.branch(Opcode.BLTU, -1, 1)).isFalse();
    assertThat(Semantics.branch(Opcode.BGEU, -1, 1)).isTrue();
    assertThat(Semantics.branch(Opcode.BGE, MIN, MIN)).isTrue();
    assertThat(Semantics.branch(Opcode.BEQ, 5, 5)).isTrue();
    assertThat(Semantics.branch(Opcode.BNE, 5, 5)).isFalse();
    assertThat(Semantics.jalrTarget(0x1001, 2)).isEqualTo(0x1002);
    assertThat(Semantics.alu(Opcode.SLTIU, 5, -1)).as("sltiu compares with the sign-extended immediate, unsigned").isEqualTo(1);
  }

  @Test
  void loadsExtendAndStoresMergeLittleEndian() {
    int word = 0x80ff7f01;
    assertThat(Semantics.load(Opcode.LB, word, 0)).isEqualTo(1);
    assertThat(Semantics.load(Opcode.LB, word, 1)).isEqualTo(0x7f);
    assertThat(Semantics.load(Opcode.LB, word, 2)).isEqualTo(-1);
    assertThat(Semantics.load(Opcode.LB, word, 3)).isEqualTo(-128);
    assertThat(Semantics.load(Opcode.LBU, word, 3)).isEqualTo(0x80);
    assertThat(Semantics.load(Opcode.LH, word, 0)).isEqualTo(0x7f01);
    assertThat(Semantics.load(Opcode.LH, word, 2)).isEqualTo(0xffff80ff);
    assertThat(Semantics.load(Opcode.LHU, word, 2)).isEqualTo(0x80ff);
    assertThat(Semantics.load(Opcode.LW, word, 0)).isEqualTo(word);
    assertThat(Semantics.lb(word, 0x1003)).as("only the offset's low bits count").isEqualTo(-128);
    assertThat(Semantics.store(Opcode.SB, 0x11223344, 1, 0xabcd)).isEqualTo(0x1122cd44);
    assertThat(Semantics.store(Opcode.SB, 0x11223344, 3, 0xff)).isEqualTo(0xff223344);
    assertThat(Semantics.store(Opcode.SH, 0x11223344, 2, 0xdeadbeef)).isEqualTo(0xbeef3344);
    assertThat(Semantics.store(Opcode.SH, 0x11223344, 0, 0xdeadbeef)).isEqualTo(0x1122beef);
    assertThat(Semantics.store(Opcode.SW, 0x11223344, 0, 7)).isEqualTo(7);
  }

  @Property(tries = 3000)
  void mExtensionMatchesExactIntegerArithmetic(@ForAll int a, @ForAll int b) {
    BigInteger sa = BigInteger.valueOf(a);
    BigInteger sb = BigInteger.valueOf(b);
    BigInteger ua = BigInteger.valueOf(Integer.toUnsignedLong(a));
    BigInteger ub = BigInteger.valueOf(Integer.toUnsignedLong(b));
    assertThat(Semantics.mul(a, b)).isEqualTo(sa.multiply(sb).intValue());
    assertThat(Semantics.mulh(a, b)).isEqualTo(sa.multiply(sb).shiftRight(32).intValue());
    assertThat(Semantics.mulhsu(a, b)).isEqualTo(sa.multiply(ub).shiftRight(32).intValue());
    assertThat(Semantics.mulhu(a, b)).isEqualTo(ua.multiply(ub).shiftRight(32).intValue());
    if (b != 0 && !(a == MIN && b == -1)) {
      assertThat(Semantics.div(a, b)).isEqualTo(sa.divide(sb).intValue()); // BigInteger truncates towards zero
      assertThat(Semantics.rem(a, b)).isEqualTo(sa.remainder(sb).intValue());
    }
    if (b != 0) {
      assertThat(Semantics.divu(a, b)).isEqualTo(ua.divide(ub).intValue());
      assertThat(Semantics.remu(a, b)).isEqualTo(ua.remainder(ub).intValue());
    }
  }

  @Test
  void theTranslatorsInlinedInstructionsAreExactlyTheSemanticsMethodBodies() throws IOException {
    for (var inline : Translator.INLINE.entrySet()) {
      assertThat(body(inline.getKey()))
          .as("Semantics.%s", inline.getKey())
          .containsExactly("ILOAD 0", "ILOAD 1", "INSN " + inline.getValue(), "INSN " + Opcodes.IRETURN);
    }
  }

  @Test
  void everyAluAndMOperationHasASemanticsMethodForTheTranslator() throws ReflectiveOperationException {
    for (Opcode op : Opcode.values()) {
      if (op.category() == Opcode.Category.ALU || op.category() == Opcode.Category.MULDIV) {
        Method m = Semantics.class.getMethod(Translator.semanticsMethod(op), int.class, int.class);
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        assertThat(m.getReturnType()).isEqualTo(int.class);
        assertThat(m.invoke(null, 0x1234567, 5)).as("%s", op).isEqualTo(Semantics.alu(op, 0x1234567, 5));
      } else if (op.category() == Opcode.Category.BRANCH) {
        Method m = Semantics.class.getMethod(op.mnemonic(), int.class, int.class);
        assertThat(m.getReturnType()).isEqualTo(boolean.class);
      }
    }
  }

  /** The instructions of Semantics' method {@code name}, as "ILOAD n" and "INSN opcode" strings (other kinds as "OTHER"). */
  private static List<String> body(String name) throws IOException {
    List<String> out = new ArrayList<>();
    new ClassReader(Semantics.class.getName()).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
          String[] exceptions) {
        if (!method.equals(name)) {
          return null;
        }
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitVarInsn(int opcode, int var) {
            out.add(opcode == Opcodes.ILOAD ? "ILOAD " + var : "OTHER");
          }

          @Override
          public void visitInsn(int opcode) {
            out.add("INSN " + opcode);
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
            out.add("OTHER");
          }

          @Override
          public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
            out.add("OTHER");
          }
        };
      }
    }, ClassReader.SKIP_DEBUG);
    return out;
  }
}

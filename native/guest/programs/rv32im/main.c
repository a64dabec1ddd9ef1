/* Instruction coverage: every RV32IM instruction with operands chosen at the spec's corner cases
 * (sign boundaries, shift amounts above 31, division by zero, INT_MIN / -1). Each check prints
 * "<what> = <value>" and compares with the value the ISA manual defines; the exit code is the
 * number of mismatches. The output is also compared with qemu-riscv32's. */
#include "l2vm.h"

static int failures;

static void check(const char *what, uint32_t got, uint32_t want) {
  l2vm_printf("%-28s = %08x%s\n", what, got, got == want ? "" : "  MISMATCH");
  if (got != want) {
    l2vm_eprintf("%s: got %08x, want %08x\n", what, got, want);
    failures++;
  }
}

/* Operands pass through volatile so the compiler cannot fold the operations away. */
static uint32_t v(uint32_t x) {
  volatile uint32_t y = x;
  return y;
}

#define R(op, a, b) ({ uint32_t r_; __asm__ volatile(#op " %0, %1, %2" : "=r"(r_) : "r"(v(a)), "r"(v(b))); r_; })
#define I(op, a, imm) ({ uint32_t r_; __asm__ volatile(#op " %0, %1, " #imm : "=r"(r_) : "r"(v(a))); r_; })
#define BR(op, a, b) ({ uint32_t t_; __asm__ volatile("li %0, 1\n\t" #op " %1, %2, 1f\n\tli %0, 0\n1:" \
                                                       : "=&r"(t_) : "r"(v(a)), "r"(v(b))); t_; })
#define MIN 0x80000000u
#define NEG1 0xffffffffu

static void alu(void) {
  check("add max+1", R(add, 0x7fffffff, 1), MIN);
  check("add -1+-1", R(add, NEG1, NEG1), 0xfffffffe);
  check("sub 0-1", R(sub, 0, 1), NEG1);
  check("sub min-1", R(sub, MIN, 1), 0x7fffffff);
  check("xor", R(xor, 0xf0f0f0f0, 0xff00ff00), 0x0ff00ff0);
  check("or", R(or, 0xf0f0f0f0, 0x0000ffff), 0xf0f0ffff);
  check("and", R(and, 0xf0f0f0f0, 0x0000ffff), 0x0000f0f0);
  check("sll 1<<31", R(sll, 1, 31), MIN);
  check("sll shamt 33 masked", R(sll, 1, 33), 2);
  check("srl min>>31", R(srl, MIN, 31), 1);
  check("srl shamt 36 masked", R(srl, 0xf0, 36), 0xf);
  check("sra min>>31", R(sra, MIN, 31), NEG1);
  check("sra shamt 32 masked", R(sra, MIN, 32), MIN);
  check("slt -1<1", R(slt, NEG1, 1), 1);
  check("slt 1<-1", R(slt, 1, NEG1), 0);
  check("sltu -1<1", R(sltu, NEG1, 1), 0);
  check("sltu 1<-1", R(sltu, 1, NEG1), 1);
  check("sltu 0<x (snez)", R(sltu, 0, 5), 1);
  check("addi -2048", I(addi, 0, -2048), 0xfffff800);
  check("addi 2047", I(addi, 1, 2047), 2048);
  check("slti -1<0", I(slti, NEG1, 0), 1);
  check("slti 0<-1", I(slti, 0, -1), 0);
  check("sltiu 5<-1 (imm sext)", I(sltiu, 5, -1), 1);
  check("sltiu 0<1 (seqz)", I(sltiu, 0, 1), 1);
  check("xori -1 (not)", I(xori, 0x12345678, -1), 0xedcba987);
  check("ori -2048", I(ori, 0x0000000f, -2048), 0xfffff80f);
  check("andi -16", I(andi, 0x12345678, -16), 0x12345670);
  check("slli 31", I(slli, 3, 31), MIN);
  check("srli 31", I(srli, NEG1, 31), 1);
  check("srai 31", I(srai, 0x40000000, 30), 1);
  check("srai neg", I(srai, 0x80000010, 4), 0xf8000001);
}

static void upper_and_jumps(void) {
  uint32_t r;
  __asm__ volatile("lui %0, 0xfffff" : "=r"(r));
  check("lui 0xfffff", r, 0xfffff000);
  uint32_t a, b;
  __asm__ volatile("auipc %0, 0\n\tauipc %1, 1" : "=r"(a), "=r"(b));
  check("auipc delta", b - a, 0x1004);
  __asm__ volatile("auipc t0, 0\n\tjal t1, 1f\n1:\n\tsub %0, t1, t0" : "=r"(r) : : "t0", "t1");
  check("jal link", r, 8);
  /* jalr clears bit 0 of the target: jumping to label+1 lands on the label; the link is the
   * jalr's address + 4, which is label - 4, so link - (label + 1) = -5 and r = 7 - 5. */
  __asm__ volatile("la t0, 1f\n\taddi t0, t0, 1\n\tli %0, 7\n\tjalr t1, 0(t0)\n\tli %0, 9\n1:\n\t"
                   "sub t1, t1, t0\n\tadd %0, %0, t1" : "=&r"(r) : : "t0", "t1");
  check("jalr clears bit 0", r, 2);
  __asm__ volatile("li %0, 5\n\taddi x0, x0, 7\n\tadd %0, %0, x0" : "=&r"(r));
  check("x0 stays zero", r, 5);
  __asm__ volatile("fence\n\tli %0, 1" : "=r"(r));
  check("fence", r, 1);
}

static void branches(void) {
  check("beq eq", BR(beq, 7, 7), 1);
  check("beq ne", BR(beq, 7, 8), 0);
  check("bne ne", BR(bne, 7, 8), 1);
  check("bne eq", BR(bne, 7, 7), 0);
  check("blt -1<0", BR(blt, NEG1, 0), 1);
  check("blt 0<-1", BR(blt, 0, NEG1), 0);
  check("bge eq", BR(bge, 3, 3), 1);
  check("bge min>=0", BR(bge, MIN, 0), 0);
  check("bltu 0<-1", BR(bltu, 0, NEG1), 1);
  check("bltu -1<0", BR(bltu, NEG1, 0), 0);
  check("bgeu -1>=0", BR(bgeu, NEG1, 0), 1);
  check("bgeu 0>=1", BR(bgeu, 0, 1), 0);
}

static void m_extension(void) {
  check("mul", R(mul, 0x12345678, 0x9abcdef0), 0x242d2080);
  check("mul min*-1", R(mul, MIN, NEG1), MIN);
  check("mulh -1*-1", R(mulh, NEG1, NEG1), 0);
  check("mulh min*min", R(mulh, MIN, MIN), 0x40000000);
  check("mulh min*max", R(mulh, MIN, 0x7fffffff), 0xc0000000);
  check("mulh -2*3", R(mulh, 0xfffffffe, 3), NEG1);
  check("mulhu -1*-1", R(mulhu, NEG1, NEG1), 0xfffffffe);
  check("mulhu min*2", R(mulhu, MIN, 2), 1);
  check("mulhsu -1*-1u", R(mulhsu, NEG1, NEG1), NEG1);
  check("mulhsu 2*-1u", R(mulhsu, 2, NEG1), 1);
  check("mulhsu min*-1u", R(mulhsu, MIN, NEG1), 0x80000000);
  check("div 7/-2", R(div, 7, 0xfffffffe), 0xfffffffd);
  check("div -7/2", R(div, 0xfffffff9, 2), 0xfffffffd);
  check("div by zero", R(div, 123, 0), NEG1);
  check("div min/-1 overflow", R(div, MIN, NEG1), MIN);
  check("divu -1/2", R(divu, NEG1, 2), 0x7fffffff);
  check("divu by zero", R(divu, 123, 0), NEG1);
  check("rem 7%-2", R(rem, 7, 0xfffffffe), 1);
  check("rem -7%2", R(rem, 0xfffffff9, 2), NEG1);
  check("rem by zero", R(rem, 0xfffffff9, 0), 0xfffffff9);
  check("rem min%-1 overflow", R(rem, MIN, NEG1), 0);
  check("remu -1%10", R(remu, NEG1, 10), 5);
  check("remu by zero", R(remu, 42, 0), 42);
}

int main(void) {
  alu();
  upper_and_jumps();
  branches();
  m_extension();
  l2vm_printf("failures: %d\n", failures);
  l2vm_commit_u32((uint32_t)failures);
  return failures;
}

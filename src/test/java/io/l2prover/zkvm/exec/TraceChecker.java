package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a trace the way the prover's constraints will: each step must follow from
 * {@link Semantics}, its decoded instruction and the registers and memory rebuilt from the steps
 * before it, starting from the ELF's image. Memory starts as the ELF and changes only through
 * the events, so an event missing from the trace (a word a system call wrote, say) shows up as
 * a wrong "before" value later.
 */
final class TraceChecker {

  private final int[] regs = new int[32];
  private final Map<Integer, Integer> memory = new HashMap<>();
  private final byte[] input;
  private int inputPosition;
  private final Map<Integer, ByteArrayOutputStream> output = new HashMap<>();
  private long nextCycle;
  private int expectedPc;
  private boolean halted;
  private int exitCode;

  TraceChecker(Program program, byte[] input) {
    this.input = input;
    this.expectedPc = program.entry();
    for (LoadSegment s : program.segments()) {
      for (int i = 0; i < s.data().length; i++) {
        setByte(s.address() + i, s.data()[i]);
      }
    }
    for (int fd = 1; fd <= 3; fd++) {
      output.put(fd, new ByteArrayOutputStream());
    }
  }

  private int word(int address) {
    return memory.getOrDefault(address, 0);
  }

  private void setByte(int address, byte value) {
    int shift = (address & 3) * 8;
    memory.put(address & ~3, (word(address & ~3) & ~(0xff << shift)) | ((value & 0xff) << shift));
  }

  void check(TraceBuffer trace) {
    for (int i = 0; i < trace.size(); i++) {
      check(trace.step(i));
    }
  }

  void check(TraceStep s) {
    String at = String.format("cycle %d, pc %08x: %s", s.cycle(), s.pc(), Disassembler.format(s.instruction(), s.pc()));
    assertThat(halted).as("a step after the exit, %s", at).isFalse();
    assertThat(s.cycle()).as(at).isEqualTo(nextCycle++);
    assertThat(s.pc()).as(at).isEqualTo(expectedPc);
    Instruction in = s.decoded();
    Opcode op = in.op();
    assertThat(s.rs1()).as(at).isEqualTo(in.rs1());
    assertThat(s.rs2()).as(at).isEqualTo(in.rs2());
    assertThat(s.rs1Value()).as("rs1, %s", at).isEqualTo(regs[s.rs1()]);
    assertThat(s.rs2Value()).as("rs2, %s", at).isEqualTo(regs[s.rs2()]);
    int a = s.rs1Value();
    int b = s.rs2Value();
    int next = s.pc() + 4;
    Integer result = null;
    switch (op.category()) {
      case ALU, MULDIV -> result = Semantics.alu(op, a, op.format() == Opcode.Format.R ? b : in.imm());
      case UPPER -> result = op == Opcode.LUI ? in.imm() : s.pc() + in.imm();
      case JUMP -> {
        result = s.pc() + 4;
        next = op == Opcode.JAL ? s.pc() + in.imm() : Semantics.jalrTarget(a, in.imm());
      }
      case BRANCH -> next = Semantics.branch(op, a, b) ? s.pc() + in.imm() : s.pc() + 4;
      case LOAD, STORE -> result = checkAccess(s, in, at);
      case FENCE -> { }
      case SYSTEM -> {
        assertThat(op).as(at).isEqualTo(Opcode.ECALL);
        result = checkEcall(s.ecall(), at);
        if (halted) {
          next = s.pc();
        }
      }
      case ILLEGAL -> throw new AssertionError("an illegal instruction retired, " + at);
    }
    if (op.category() != Opcode.Category.LOAD && op.category() != Opcode.Category.STORE) {
      assertThat(s.memory()).as(at).isNull();
    }
    if (op != Opcode.ECALL) {
      assertThat(s.ecall()).as(at).isNull();
    }
    int rd = op == Opcode.ECALL ? 10 : in.rd();
    if (result != null && rd != 0) {
      assertThat(s.rd()).as("rd, %s", at).isEqualTo(rd);
      assertThat(s.rdValue()).as("rd value, %s", at).isEqualTo(result);
      regs[rd] = result;
    } else {
      assertThat(s.rd()).as("rd, %s", at).isEqualTo(TraceSink.NO_REGISTER);
      assertThat(s.rdValue()).as(at).isZero();
    }
    assertThat(s.nextPc()).as("next pc, %s", at).isEqualTo(next);
    expectedPc = next;
  }

  /** A load's value or null for a store, after checking the access against memory. */
  private Integer checkAccess(TraceStep s, Instruction in, String at) {
    MemoryAccess m = s.memory();
    boolean store = in.op().category() == Opcode.Category.STORE;
    assertThat(m).as(at).isNotNull();
    assertThat(m.address()).as(at).isEqualTo(s.rs1Value() + in.imm());
    assertThat(m.width()).as(at).isEqualTo(in.op().width());
    assertThat(m.store()).as(at).isEqualTo(store);
    assertThat(m.address() % m.width()).as("aligned, %s", at).isZero();
    assertThat(m.before()).as("word before, %s", at).isEqualTo(word(m.wordAddress()));
    if (!store) {
      assertThat(m.after()).as(at).isEqualTo(m.before());
      return Semantics.load(in.op(), m.before(), m.offset());
    }
    assertThat(m.after()).as("word after, %s", at).isEqualTo(Semantics.store(in.op(), m.before(), m.offset(), s.rs2Value()));
    memory.put(m.wordAddress(), m.after());
    return null;
  }

  /** The call's a0 result, or null when it exits. */
  private Integer checkEcall(Ecall e, String at) {
    assertThat(e).as(at).isNotNull();
    assertThat(new int[] {e.number(), e.a0(), e.a1(), e.a2()}).as(at)
        .containsExactly(regs[17], regs[10], regs[11], regs[12]);
    switch (e.number()) {
      case 63 -> {
        assertThat(e.a0()).as(at).isZero();
        int n = Math.min(e.a2(), input.length - inputPosition);
        assertThat(e.result()).as("bytes read, %s", at).isEqualTo(n);
        List<WordAccess> expected = new ArrayList<>();
        Map<Integer, Integer> before = new HashMap<>();
        for (int i = 0; i < n; i++) {
          before.putIfAbsent((e.a1() + i) & ~3, word((e.a1() + i) & ~3));
          setByte(e.a1() + i, input[inputPosition + i]);
        }
        before.keySet().stream().sorted(Integer::compareUnsigned)
            .forEach(w -> expected.add(new WordAccess(w, before.get(w), word(w), true)));
        assertThat(e.memory()).as("words read delivered, %s", at).isEqualTo(expected);
        inputPosition += n;
      }
      case 64 -> {
        assertThat(e.a0()).as(at).isBetween(1, 3);
        assertThat(e.result()).as(at).isEqualTo(e.a2());
        List<WordAccess> expected = new ArrayList<>();
        for (int i = 0; i < e.a2(); i++) {
          int w = (e.a1() + i) & ~3;
          if (expected.isEmpty() || expected.get(expected.size() - 1).address() != w) {
            expected.add(new WordAccess(w, word(w), word(w), false));
          }
          output.get(e.a0()).write(word(w) >>> (((e.a1() + i) & 3) * 8));
        }
        assertThat(e.memory()).as("words write consumed, %s", at).isEqualTo(expected);
      }
      case 93, 94 -> {
        assertThat(e.halted()).as(at).isTrue();
        assertThat(e.memory()).as(at).isEmpty();
        halted = true;
        exitCode = e.a0();
        return null;
      }
      case 0x1000 -> {
        assertThat(e.result()).as(at).isZero();
        assertThat(e.memory()).as(at).isEmpty();
      }
      default -> throw new AssertionError("unknown call " + e.number() + " retired, " + at);
    }
    assertThat(e.halted()).as(at).isFalse();
    return e.result();
  }

  /** The whole run has been checked: its outputs and final registers are what the trace says. */
  void finish(ExecutionResult r) {
    assertThat(nextCycle).isEqualTo(r.cycles());
    assertThat(halted).isTrue();
    assertThat(exitCode).isEqualTo(r.exitCode());
    assertThat(output.get(3).toByteArray()).as("journal").isEqualTo(r.journal());
    assertThat(output.get(1).toByteArray()).as("stdout").isEqualTo(r.stdout());
    assertThat(output.get(2).toByteArray()).as("stderr").isEqualTo(r.stderr());
    assertThat(regs).isEqualTo(r.segments().get(r.segments().size() - 1).endRegisters());
  }
}

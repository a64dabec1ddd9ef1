package io.l2prover.zkvm.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the machine one instruction at a time and reports each cycle to a {@link TraceSink}.
 *
 * <p>It observes the state around each step instead of hooking into the dispatch loop, so the
 * instruction semantics exist once and the untraced loop carries no tracing code at all. The
 * only help it needs is from memory, which reports the words a system call reads or writes.
 */
final class Tracer {

  private Tracer() {}

  /**
   * Runs up to {@code budget} cycles, stopping early if the guest exits or at a precompile call
   * that does not fit in what is left ({@link Machine#waitingCall}). One step per instruction: a
   * precompile's step covers all its cycles ({@link Ecall#cycles}).
   */
  static void run(Machine m, int budget, TraceSink sink) {
    Memory memory = m.memory();
    List<WordAccess> ecallAccesses = new ArrayList<>();
    long limit = m.cycles() + budget;
    m.limitCycles(budget);
    while (m.cycles() < limit && !m.halted()) {
      long cycle = m.cycles();
      int pc = m.pc();
      int word = m.instructionAt(pc);
      Instruction in = Instruction.decode(word);
      Opcode op = in.op();
      int rs1Value = m.register(in.rs1());
      int rs2Value = m.register(in.rs2());
      boolean accesses = op.category() == Opcode.Category.LOAD || op.category() == Opcode.Category.STORE;
      int address = rs1Value + in.imm();
      int before = accesses ? memory.peekWord(address & ~3) : 0;
      boolean ecall = op == Opcode.ECALL;
      int number = m.register(17);
      int a0 = m.register(10);
      int a1 = m.register(11);
      int a2 = m.register(12);
      if (ecall) {
        ecallAccesses.clear();
        memory.logSyscallAccesses(ecallAccesses);
      }
      try {
        if (m.run(1) == 0) {
          return; // a precompile call that does not fit: it starts the next segment
        }
      } finally {
        memory.logSyscallAccesses(null);
      }

      int rd = writtenRegister(in, m.halted());
      MemoryAccess access = accesses
          ? new MemoryAccess(address, op.width(), op.category() == Opcode.Category.STORE, before,
              memory.peekWord(address & ~3))
          : null;
      Ecall call = ecall
          ? new Ecall(number, a0, a1, a2, m.halted() ? 0 : m.register(10), m.halted(), ecallAccesses,
              (int) (m.cycles() - cycle))
          : null;
      sink.step(new TraceStep(cycle, pc, word, m.pc(), in.rs1(), rs1Value, in.rs2(), rs2Value, rd,
          rd == TraceSink.NO_REGISTER ? 0 : m.register(rd), access, call));
    }
  }

  private static int writtenRegister(Instruction in, boolean halted) {
    if (in.op() == Opcode.ECALL) {
      return halted ? TraceSink.NO_REGISTER : 10; // every call but exit returns its result in a0
    }
    return in.op().writesRd() && in.rd() != 0 ? in.rd() : TraceSink.NO_REGISTER;
  }
}

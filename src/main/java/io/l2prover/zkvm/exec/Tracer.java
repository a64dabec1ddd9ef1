package io.l2prover.zkvm.exec;

/**
 * Runs the machine one instruction at a time and reports each cycle to a {@link TraceSink}.
 *
 * <p>It observes the state around each step instead of hooking into the dispatch loop, so the
 * instruction semantics exist once and the untraced loop carries no tracing code at all.
 */
final class Tracer {

  private static final int OPCODE_LOAD = 0x03;
  private static final int OPCODE_STORE = 0x23;
  private static final int ECALL = 0x00000073;

  private Tracer() {}

  /** Runs up to {@code budget} instructions, stopping early if the guest exits. */
  static void run(Machine m, int budget, TraceSink sink) {
    Memory memory = m.memory();
    for (int i = 0; i < budget && !m.halted(); i++) {
      long cycle = m.cycles();
      int pc = m.pc();
      int insn = m.instructionAt(pc);
      int rs1Value = m.register((insn >>> 15) & 31);
      int rs2Value = m.register((insn >>> 20) & 31);
      int opcode = insn & 0x7f;
      int address = TraceSink.NO_ADDRESS;
      if (opcode == OPCODE_LOAD) {
        address = (rs1Value + Instruction.decode(insn).imm()) & ~3;
      } else if (opcode == OPCODE_STORE) {
        address = (rs1Value + Instruction.decode(insn).imm()) & ~3;
      }
      int before = address == TraceSink.NO_ADDRESS ? 0 : memory.peekWord(address);
      boolean inputRead = insn == ECALL && m.register(17) == Syscalls.READ;
      int readBuffer = m.register(11);

      m.run(1);

      int rd = writtenRegister(insn, m.halted());
      int after = address == TraceSink.NO_ADDRESS ? 0 : memory.peekWord(address);
      sink.cycle(cycle, pc, insn, rs1Value, rs2Value, rd, rd == TraceSink.NO_REGISTER ? 0 : m.register(rd),
          address, before, after);
      int delivered = m.register(10);
      if (inputRead && delivered > 0) {
        sink.hostWrite(cycle, readBuffer, memory.peekBytes(readBuffer, delivered));
      }
    }
  }

  private static int writtenRegister(int insn, boolean halted) {
    int rd = switch (insn & 0x7f) {
      case 0x37, 0x17, 0x6f, 0x67, 0x03, 0x13, 0x33 -> (insn >>> 7) & 31;
      case 0x73 -> halted ? 0 : 10; // read and write return their count in a0
      default -> 0;
    };
    return rd == 0 ? TraceSink.NO_REGISTER : rd;
  }
}

package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trace recording: one row per cycle, consistent with the untraced run and replayable. */
class TraceTest {

  private static final byte[] HELLO = Guests.bundled("hello");
  private static final byte[] INPUT = "trace me".getBytes();

  @Test
  void tracedRunMatchesTheUntracedOneAndRecordsEveryCycle() {
    ExecutionResult plain = Executor.run(HELLO, INPUT, ExecutorOptions.defaults().withPo2(8));
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult traced = Executor.run(HELLO, INPUT, ExecutorOptions.defaults().withPo2(8).withTrace(trace));
    assertThat(traced.cycles()).isEqualTo(plain.cycles());
    assertThat(traced.journal()).isEqualTo(plain.journal());
    assertThat(traced.stdout()).isEqualTo(plain.stdout());
    assertThat(traced.segments()).hasSameSizeAs(plain.segments());
    for (int i = 0; i < plain.segments().size(); i++) {
      assertThat(traced.segments().get(i).endRegisters()).isEqualTo(plain.segments().get(i).endRegisters());
      assertThat(traced.segments().get(i).touchedPages()).isEqualTo(plain.segments().get(i).touchedPages());
    }
    assertThat((long) trace.size()).isEqualTo(plain.cycles());
  }

  @Test
  void replayingTheTraceRebuildsRegistersAndMemory() {
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult r = Executor.run(HELLO, INPUT, ExecutorOptions.defaults().withTrace(trace));
    int[] regs = new int[32];
    Map<Integer, Integer> memory = new HashMap<>();
    Map<Long, TraceBuffer.HostWrite> hostWrites = new HashMap<>();
    trace.hostWrites().forEach(w -> hostWrites.put(w.cycle(), w));
    for (int i = 0; i < trace.size(); i++) {
      TraceBuffer.Row row = trace.row(i);
      if (i > 0) {
        TraceBuffer.Row previous = trace.row(i - 1);
        assertThat(row.pc()).as("cycle %d follows %08x", i, previous.pc())
            .isIn(previous.pc() + 4, targetOf(previous));
      }
      assertThat(row.rs1Value()).as("rs1 at cycle %d", i).isEqualTo(regs[(row.instruction() >>> 15) & 31]);
      assertThat(row.rs2Value()).as("rs2 at cycle %d", i).isEqualTo(regs[(row.instruction() >>> 20) & 31]);
      if (row.memoryAddress() != TraceSink.NO_ADDRESS) {
        assertThat(row.memoryAddress() & 3).isZero();
        Integer known = memory.get(row.memoryAddress());
        if (known != null) {
          assertThat(row.memoryBefore()).as("memory before at cycle %d", i).isEqualTo(known);
        }
        if ((row.instruction() & 0x7f) == 0x03) {
          assertThat(row.memoryAfter()).isEqualTo(row.memoryBefore());
        }
        memory.put(row.memoryAddress(), row.memoryAfter());
      }
      if (row.rd() != TraceSink.NO_REGISTER) {
        regs[row.rd()] = row.rdValue();
      }
      TraceBuffer.HostWrite write = hostWrites.get(row.cycle());
      if (write != null) {
        for (int b = 0; b < write.data().length; b++) {
          int address = write.address() + b;
          int word = memory.getOrDefault(address & ~3, 0);
          int shift = (address & 3) * 8;
          memory.put(address & ~3, (word & ~(0xff << shift)) | ((write.data()[b] & 0xff) << shift));
        }
      }
    }
    assertThat(regs).isEqualTo(r.segments().get(r.segments().size() - 1).endRegisters());
    assertThat(trace.hostWrites()).hasSize(1);
    assertThat(trace.hostWrites().get(0).data()).isEqualTo(INPUT);
  }

  /** The taken-branch or jump target of a traced row (its pc + 4 when it is not a jump). */
  private static int targetOf(TraceBuffer.Row row) {
    int insn = row.instruction();
    return switch (insn & 0x7f) {
      case 0x6f, 0x63 -> row.pc() + Instruction.decode(insn).imm();
      case 0x67 -> (row.rs1Value() + (insn >> 20)) & ~1;
      default -> row.pc() + 4;
    };
  }
}

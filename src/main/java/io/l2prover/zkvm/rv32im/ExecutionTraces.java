package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.MemoryAccess;
import io.l2prover.zkvm.exec.Segment;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.exec.TraceStep;
import io.l2prover.zkvm.exec.WordAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds every table of a proof from a traced execution: per segment the CPU, memory, ecall, IO,
 * boundary, ALU, program and byte tables; once per execution the memory-init and image tables
 * that start every address's chain. It replays the execution over its own register file and
 * memory (starting from the image, as the proof does), derives what the tables need from the
 * program table, and checks every value the executor reported against it, so a disagreement
 * between the executor and the AIR's reading of an instruction is found here, by name.
 */
public final class ExecutionTraces {

  /** The tables of one segment, with the journal bytes it wrote (its public slice). */
  public record SegmentTables(int index, List<ChipTrace> tables, long journalStart, byte[] journal) {}

  /** All tables of an execution. */
  public record Tables(List<SegmentTables> segments, List<ChipTrace> memory, int exitCode, byte[] journal) {}

  private final Rv32imCircuit circuit;
  private final GuestProgram program;
  private final int[] registers = new int[32];
  private final Map<Integer, Integer> memory = new HashMap<>();
  /** For each address touched so far: the segment (from 1) that last touched it. */
  private final Map<Integer, Integer> lastSegment = new TreeMap<>();
  /** Per finished segment: each word it touched to the segment that touched it before (when one did). */
  private final List<Map<Integer, Integer>> links = new ArrayList<>();

  private ExecutionTraces(Rv32imCircuit circuit) {
    this.circuit = circuit;
    this.program = circuit.program();
  }

  /** The tables of {@code circuit} for {@code result}, traced into {@code trace}. */
  public static Tables build(Rv32imCircuit circuit, ExecutionResult result, TraceBuffer trace) {
    return new ExecutionTraces(circuit).run(result, trace);
  }

  /** Every table of a run, and what proving each segment on its own needs ({@link #segment}). */
  public record Plan(Tables tables, List<SegmentWork> work) {}

  /** As {@link #build}, with each segment's {@link SegmentWork} (its segments must carry their page images). */
  public static Plan plan(Rv32imCircuit circuit, ExecutionResult result, TraceBuffer trace) {
    ExecutionTraces traces = new ExecutionTraces(circuit);
    Tables tables = traces.run(result, trace);
    List<SegmentWork> work = new ArrayList<>();
    for (int k = 0; k < result.segments().size(); k++) {
      work.add(new SegmentWork(result.segments().get(k), k == result.segments().size() - 1, result.exitCode(),
          tables.segments().get(k).journalStart(), traces.links.get(k)));
    }
    return new Plan(tables, work);
  }

  /**
   * The tables of one segment from its replay alone ({@code trace} holds exactly its cycles):
   * the same tables {@link #build} makes for it from the whole run. The start values come from the
   * segment's registers and page images, the hand-over links from {@code work}.
   */
  public static SegmentTables segment(Rv32imCircuit circuit, SegmentWork work, TraceBuffer trace) {
    Segment s = work.segment();
    if (trace.firstCycle() != s.startCycle() || trace.endCycle() != s.startCycle() + s.cycles()) {
      throw new IllegalArgumentException("trace has cycles " + trace.firstCycle() + ".." + trace.endCycle()
          + ", segment " + s.index() + " " + s.startCycle() + ".." + (s.startCycle() + s.cycles()));
    }
    ExecutionTraces traces = new ExecutionTraces(circuit);
    System.arraycopy(s.start().registers(), 0, traces.registers, 0, 32);
    for (io.l2prover.zkvm.exec.PageImage page : s.startPages()) {
      int first = page.address() >>> 2;
      int[] words = page.words();
      for (int i = 0; i < words.length; i++) {
        traces.memory.put(first + i, words[i]);
      }
    }
    traces.lastSegment.putAll(work.previous());
    SegmentBuilder b = traces.new SegmentBuilder(s.index() + 1, work.journalStart());
    for (int i = 0; i < trace.size(); i++) {
      b.cycle(trace.step(i));
    }
    return b.finish(s.startPc(), s.endPc(), work.last(), work.exitCode());
  }

  private Tables run(ExecutionResult result, TraceBuffer trace) {
    if (trace.firstCycle() != 0 || trace.endCycle() != result.cycles()) {
      throw new IllegalArgumentException("trace has cycles " + trace.firstCycle() + ".." + trace.endCycle()
          + ", the execution 0.." + result.cycles());
    }
    int step = 0;
    List<SegmentTables> segments = new ArrayList<>();
    long journalLength = 0;
    java.io.ByteArrayOutputStream journal = new java.io.ByteArrayOutputStream();
    for (Segment s : result.segments()) {
      SegmentBuilder b = new SegmentBuilder(s.index() + 1, journalLength);
      // One step per instruction: a precompile call's step covers all its cycles.
      for (; step < trace.size() && trace.step(step).cycle() < s.startCycle() + s.cycles(); step++) {
        b.cycle(trace.step(step));
      }
      SegmentTables tables = b.finish(s.startPc(), s.endPc(), s.index() == result.segments().size() - 1,
          result.exitCode());
      journal.writeBytes(tables.journal());
      journalLength += tables.journal().length;
      segments.add(tables);
    }
    if (!java.util.Arrays.equals(journal.toByteArray(), result.journal())) {
      throw new IllegalStateException("the replayed journal differs from the executor's");
    }
    return new Tables(segments, memoryTables(), result.exitCode(), journal.toByteArray());
  }

  private List<ChipTrace> memoryTables() {
    List<MemoryInitChip.Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : lastSegment.entrySet()) {
      int address = e.getKey();
      boolean register = address >= MemoryLayout.REGISTER_BASE;
      int initial = register ? 0 : program.initialWord(address);
      int last = register ? registers[address - MemoryLayout.REGISTER_BASE] : memory.getOrDefault(address, initial);
      rows.add(new MemoryInitChip.Row(address, initial, !register && program.inImage(address), last, e.getValue()));
    }
    // Image words no segment touched still start (and end) their chain here.
    ChipTrace init = circuit.memoryInit().trace(withUntouchedImage(rows));
    // The memory proof range-checks its addresses and gaps against its own byte table.
    return List.of(init, program.imageTable().trace(), circuit.bytes().trace(List.of(init)));
  }

  private List<MemoryInitChip.Row> withUntouchedImage(List<MemoryInitChip.Row> touched) {
    TreeMap<Integer, MemoryInitChip.Row> all = new TreeMap<>();
    for (MemoryInitChip.Row r : touched) {
      all.put(r.address(), r);
    }
    for (int[] word : program.imageWords()) {
      all.putIfAbsent(word[0], new MemoryInitChip.Row(word[0], word[1], true, word[1], 0));
    }
    return List.copyOf(all.values());
  }

  private int read(int wordAddress) {
    if (wordAddress >= MemoryLayout.REGISTER_BASE) {
      return registers[wordAddress - MemoryLayout.REGISTER_BASE];
    }
    return memory.getOrDefault(wordAddress, program.initialWord(wordAddress));
  }

  /** The tables of one segment as its cycles arrive. */
  private final class SegmentBuilder {
    private final int segment;
    private final long journalStart;
    private long journalLength;
    private final java.io.ByteArrayOutputStream journal = new java.io.ByteArrayOutputStream();
    private final Map<Integer, Integer> startValue = new TreeMap<>();
    private final Map<Integer, Long> lastTs = new HashMap<>();
    private final List<CpuChip.Cycle> cycles = new ArrayList<>();
    private final List<LoadStoreChip.Event> memoryOps = new ArrayList<>();
    private final List<EcallChip.Event> ecalls = new ArrayList<>();
    private final List<IoChip.Event> transfers = new ArrayList<>();
    private final List<KeccakChip.Event> keccakCalls = new ArrayList<>();
    private final Map<RowPrecompileChip, List<RowPrecompileChip.Event>> rowCalls = new HashMap<>();
    private final AluEvents alu = new AluEvents();
    private boolean halted;
    private long clk;

    SegmentBuilder(int segment, long journalStart) {
      this.segment = segment;
      this.journalStart = journalStart;
      this.journalLength = journalStart;
      for (int i = 0; i < 32; i++) {
        touch(MemoryLayout.register(i));
      }
    }

    private void touch(int address) {
      startValue.putIfAbsent(address, read(address));
      lastTs.putIfAbsent(address, 0L);
    }

    /** Records an access at {@code ts} and returns the time of the previous one. */
    private long access(int address, long ts) {
      touch(address);
      long prev = lastTs.put(address, ts);
      return prev;
    }

    void cycle(TraceStep row) {
      int pc = row.pc();
      int nextPc = row.nextPc();
      int slot = program.programTable().rowOf(pc);
      if (slot < 0) {
        throw new IllegalStateException(String.format("cycle %d: no provable instruction at pc 0x%08x (word 0x%08x)",
            row.cycle(), pc, row.instruction()));
      }
      ProgramRow p = program.programTable().rows().get(slot);
      long ts = 4 * clk;
      int rs1 = registers[p.rs1()];
      int rs2 = registers[p.rs2()];
      long rs1Prev = access(MemoryLayout.register(p.rs1()), ts + 1);
      long rs2Prev = access(MemoryLayout.register(p.rs2()), ts + 2);
      int operand = p.immOperand() ? p.imm() : rs2;
      int aluOut = 0;
      if (p.alu() != null) {
        aluOut = p.alu().apply(rs1, operand);
        alu.add(p.alu(), rs1, operand);
      }
      int rd = 0;
      if (p.rdFromAlu()) {
        rd = aluOut;
      } else if (p.rdFromValue()) {
        rd = p.value();
      }
      if (p.memOp() != null) {
        rd = loadOrStore(row, p.memOp(), aluOut, rs2, ts + 3);
      }
      boolean taken = p.branch() && ((aluOut & 1) != (p.branchNegate() ? 1 : 0));
      boolean halt = false;
      long written = 0;
      if (p.ecall()) {
        Syscall call = Syscall.of(registers[17]);
        halt = call == Syscall.EXIT || call == Syscall.EXIT_GROUP;
        written = ecall(row, call, ts + 3);
      }
      int expectedNext = halt ? pc : p.jal() || taken ? p.target() : p.jalr() ? aluOut & ~1 : pc + 4;
      if (expectedNext != nextPc) {
        throw new IllegalStateException(String.format("cycle %d at pc 0x%08x: the executor went to 0x%08x, the AIR to 0x%08x",
            row.cycle(), pc, nextPc, expectedNext));
      }
      int rdPrevious = registers[p.rd()];
      long rdPrevTs = 0;
      if (p.writesRd()) {
        if (!row.writesRegister() || row.rdValue() != rd || row.rd() != p.rd()) {
          throw new IllegalStateException(String.format("cycle %d at pc 0x%08x: x%d = 0x%08x, the AIR computes 0x%08x",
              row.cycle(), pc, row.rd(), row.rdValue(), rd));
        }
        rdPrevTs = access(MemoryLayout.register(p.rd()), ts + 4);
        registers[p.rd()] = rd;
      }
      cycles.add(new CpuChip.Cycle(clk, p, nextPc, rs1, rs2, rd, rdPrevious, aluOut, taken, halt, journalLength, written,
          rs1Prev, rs2Prev, rdPrevTs));
      journalLength += written;
      halted |= halt;
      clk++;
    }

    private int loadOrStore(TraceStep row, MemOp op, int address, int data, long ts) {
      int word = address >>> 2;
      MemoryAccess access = row.memory();
      if (access == null || access.address() != address
          || Integer.toUnsignedLong(address) >= MemoryLayout.BYTE_ADDRESS_LIMIT) {
        throw new IllegalStateException(String.format("cycle %d: access at 0x%08x, the executor reports %s",
            row.cycle(), address, access));
      }
      int old = read(word);
      int shift = 8 * (address & 3);
      int updated = switch (op) {
        case SB -> (old & ~(0xff << shift)) | (data & 0xff) << shift;
        case SH -> (old & ~(0xffff << shift)) | (data & 0xffff) << shift;
        case SW -> data;
        default -> old;
      };
      int result = switch (op) {
        case LB -> (byte) (old >>> shift);
        case LBU -> (old >>> shift) & 0xff;
        case LH -> (short) (old >>> shift);
        case LHU -> (old >>> shift) & 0xffff;
        case LW -> old;
        default -> 0;
      };
      if (old != access.before() || updated != access.after()) {
        throw new IllegalStateException(String.format("cycle %d: word 0x%08x was 0x%08x -> 0x%08x, the AIR has 0x%08x -> 0x%08x",
            row.cycle(), address & ~3, access.before(), access.after(), old, updated));
      }
      long prev = access(word, ts);
      memory.put(word, updated);
      memoryOps.add(new LoadStoreChip.Event(clk, op, address, data, result, old, updated, prev));
      return result;
    }

    /** Performs the ecall's effects; returns the journal bytes it wrote. */
    private long ecall(TraceStep row, Syscall call, long ts) {
      Ecall reported = row.ecall();
      if (reported == null) {
        throw new IllegalStateException("cycle " + row.cycle() + ": an ecall the executor did not report");
      }
      int a7 = registers[17];
      int a0 = registers[10];
      int a1 = registers[11];
      int a2 = registers[12];
      long[] prev = {
          access(MemoryLayout.register(17), ts), access(MemoryLayout.register(10), ts),
          access(MemoryLayout.register(11), ts), access(MemoryLayout.register(12), ts)};
      int result = switch (call) {
        case READ -> reported.result();
        case WRITE -> a2;
        case PROBE -> Syscall.PROVEN_PRECOMPILES;
        default -> 0;
      };
      if (call == Syscall.KECCAK_F) {
        keccak(row, reported, a0, a1, a2, ts);
      } else if (call.hasChip()) {
        result = rowPrecompile(row, reported, circuit.rowPrecompile(a7), a0, a1, a2);
      }
      long written = 0;
      if (call == Syscall.READ && result > 0) {
        transfer(false, a1, delivered(reported, a1, result, row.cycle()), ts, 0);
      } else if (call == Syscall.WRITE && a0 == Syscall.JOURNAL_FD && a2 > 0) {
        byte[] bytes = new byte[a2];
        for (int i = 0; i < a2; i++) {
          int address = a1 + i;
          bytes[i] = (byte) (read(address >>> 2) >>> (8 * (address & 3)));
        }
        transfer(true, a1, bytes, ts, journalLength);
        journal.writeBytes(bytes);
        written = a2;
      }
      ecalls.add(new EcallChip.Event(clk, a7, a0, a1, a2, result, journalLength, prev));
      if (call != Syscall.EXIT && call != Syscall.EXIT_GROUP) {
        if (row.rd() != 10 || row.rdValue() != result) {
          throw new IllegalStateException("cycle " + row.cycle() + ": the ecall returned " + row.rdValue()
              + ", the AIR has " + result);
        }
        access(MemoryLayout.register(10), ts + 1);
        registers[10] = result;
      }
      return written;
    }

    /**
     * Keccak-f on the 50 words at a0, each accessed once at {@code ts} (read, then written with
     * the permuted value); checked against what the executor wrote.
     */
    private void keccak(TraceStep row, Ecall reported, int a0, int a1, int a2, long ts) {
      if ((a0 & 3) != 0 || Integer.toUnsignedLong(a0) + 4L * KeccakChip.WORDS > MemoryLayout.BYTE_ADDRESS_LIMIT) {
        throw new IllegalStateException(String.format("cycle %d: keccak_f state at 0x%08x is not provable"
            + " (a word-aligned state below 0x%08x)", row.cycle(), a0, MemoryLayout.BYTE_ADDRESS_LIMIT));
      }
      int first = a0 >>> 2;
      int[] state = new int[KeccakChip.WORDS];
      long[] prev = new long[KeccakChip.WORDS];
      long[] lanes = new long[25];
      for (int w = 0; w < KeccakChip.WORDS; w++) {
        state[w] = read(first + w);
        prev[w] = access(first + w, ts);
        lanes[w / 2] |= Integer.toUnsignedLong(state[w]) << (32 * (w % 2));
      }
      io.l2prover.zkvm.exec.KeccakF1600.permute(lanes);
      Map<Integer, Integer> written = new HashMap<>();
      for (WordAccess w : reported.memory()) {
        if (w.write()) {
          written.put(w.address(), w.after());
        }
      }
      for (int w = 0; w < KeccakChip.WORDS; w++) {
        int value = (int) (lanes[w / 2] >>> (32 * (w % 2)));
        Integer executor = written.get(a0 + 4 * w);
        if (executor == null || executor != value) {
          throw new IllegalStateException(String.format("cycle %d: keccak_f word 0x%08x is 0x%08x, the executor wrote %s",
              row.cycle(), a0 + 4 * w, value, executor == null ? "nothing" : String.format("0x%08x", executor)));
        }
        memory.put(first + w, value);
      }
      keccakCalls.add(new KeccakChip.Event(clk, a0, a1, a2, state, prev));
    }

    /**
     * A call of a one-row precompile chip: each operand checked as the chip checks it, accessed at
     * its slot's time (in the chip's order, so an operand read early may alias the one written
     * last), and the outcome the chip computes checked against the executor's result and writes.
     */
    private int rowPrecompile(TraceStep row, Ecall reported, RowPrecompileChip chip, int a0, int a1, int a2) {
      int[] registers = {a0, a1, a2};
      List<int[]> before = new ArrayList<>();
      List<long[]> prevTs = new ArrayList<>();
      List<RowPrecompileChip.Operand> operands = chip.operands();
      for (RowPrecompileChip.Operand o : operands) {
        int pointer = registers[o.register()];
        if ((pointer & 3) != 0 || Integer.toUnsignedLong(pointer) + 4L * o.words() > MemoryLayout.BYTE_ADDRESS_LIMIT) {
          throw new IllegalStateException(String.format("cycle %d: %s %s at 0x%08x is not provable"
              + " (a word-aligned operand below 0x%08x)", row.cycle(), chip.name(), o.name(), pointer,
              MemoryLayout.BYTE_ADDRESS_LIMIT));
        }
        int[] words = new int[o.accessed() ? o.words() : 0];
        long[] prev = new long[words.length];
        for (int w = 0; w < words.length; w++) {
          words[w] = read((pointer >>> 2) + w);
          prev[w] = access((pointer >>> 2) + w, 4 * clk + o.slot());
        }
        before.add(words);
        prevTs.add(prev);
      }
      RowPrecompileChip.Outcome outcome = chip.outcome(reported.number(), before, reported);
      if (outcome.result() != reported.result()) {
        throw new IllegalStateException(String.format("cycle %d: %s answered %d, the executor %d", row.cycle(),
            chip.name(), outcome.result(), reported.result()));
      }
      Map<Integer, Integer> written = new HashMap<>();
      for (WordAccess w : reported.memory()) {
        if (w.write()) {
          written.put(w.address(), w.after());
        }
      }
      RowPrecompileChip.Operand out = operands.get(operands.size() - 1);
      int pointer = registers[out.register()];
      for (int w = 0; w < out.words(); w++) {
        int value = outcome.written()[w];
        int executor = written.getOrDefault(pointer + 4 * w, before.get(operands.size() - 1)[w]);
        if (executor != value) {
          throw new IllegalStateException(String.format("cycle %d: %s word 0x%08x is 0x%08x, the executor left 0x%08x",
              row.cycle(), chip.name(), pointer + 4 * w, value, executor));
        }
        memory.put((pointer >>> 2) + w, value);
      }
      rowCalls.computeIfAbsent(chip, c -> new ArrayList<>())
          .add(new RowPrecompileChip.Event(clk, reported.number(), a0, a1, a2, before, prevTs, outcome));
      return outcome.result();
    }

    /** The input bytes a read delivered to [buffer, buffer + length): the reported words' new bytes. */
    private static byte[] delivered(Ecall reported, int buffer, int length, long cycle) {
      Map<Integer, Integer> written = new HashMap<>();
      for (WordAccess w : reported.memory()) {
        if (w.write()) {
          written.put(w.address(), w.after());
        }
      }
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        int address = buffer + i;
        Integer word = written.get(address & ~3);
        if (word == null) {
          throw new IllegalStateException("cycle " + cycle + ": a read of " + length + " bytes without its input at 0x"
              + Integer.toHexString(address));
        }
        bytes[i] = (byte) (word >>> (8 * (address & 3)));
      }
      return bytes;
    }

    private void transfer(boolean toJournal, int buffer, byte[] bytes, long ts, long position) {
      int firstWord = buffer >>> 2;
      int lastWord = (buffer + bytes.length - 1) >>> 2;
      long remaining = bytes.length;
      long pos = position;
      int at = 0;
      for (int w = firstWord; w <= lastWord; w++) {
        int lo = w == firstWord ? buffer & 3 : 0;
        int hi = w == lastWord ? (buffer + bytes.length - 1) & 3 : 3;
        int old = read(w);
        int updated = old;
        if (!toJournal) {
          for (int j = lo; j <= hi; j++) {
            updated = (updated & ~(0xff << (8 * j))) | (bytes[at + j - lo] & 0xff) << (8 * j);
          }
        }
        long prev = access(w, ts);
        memory.put(w, updated);
        transfers.add(new IoChip.Event(clk, toJournal, w, lo, hi, w == firstWord, w == lastWord, remaining, pos, old,
            updated, prev));
        int count = hi - lo + 1;
        remaining -= count;
        pos += count;
        at += count;
      }
    }

    SegmentTables finish(int startPc, int endPc, boolean last, int exitCode) {
      List<MemoryBoundaryChip.Row> boundary = new ArrayList<>();
      Map<Integer, Integer> previous = new HashMap<>();
      for (Map.Entry<Integer, Integer> e : startValue.entrySet()) {
        int address = e.getKey();
        int before = lastSegment.getOrDefault(address, 0);
        boundary.add(new MemoryBoundaryChip.Row(address, e.getValue(), read(address), lastTs.get(address), before));
        if (before != 0) {
          previous.put(address, before);
        }
        lastSegment.put(address, segment);
      }
      links.add(previous);
      EcallChip.requests(ecalls, alu);
      KeccakChip.requests(keccakCalls, alu);
      List<ChipTrace> tables = new ArrayList<>();
      tables.add(circuit.cpu().trace(cycles, startPc, endPc, halted, journalStart, journalLength));
      tables.add(circuit.loadStore().trace(memoryOps));
      tables.add(circuit.ecall().trace(ecalls, halted ? exitCode : 0));
      tables.add(circuit.io().trace(transfers));
      tables.add(circuit.boundary().trace(boundary, segment));
      tables.add(circuit.keccak().trace(keccakCalls));
      for (RowPrecompileChip chip : circuit.rowPrecompiles()) {
        List<RowPrecompileChip.Event> calls = rowCalls.getOrDefault(chip, List.of());
        chip.requests(calls, alu);
        tables.add(chip.trace(calls));
      }
      for (AluChip chip : circuit.aluChips()) {
        tables.add(chip.trace(alu.of(chip.ops()), alu));
      }
      tables.add(program.programTable().trace(tables));
      tables.add(circuit.bytes().trace(tables));
      if (halted != last) {
        throw new IllegalStateException("segment " + segment + (halted ? " halted before the end" : " did not halt"));
      }
      return new SegmentTables(segment, List.copyOf(tables), journalStart, journal.toByteArray());
    }
  }
}

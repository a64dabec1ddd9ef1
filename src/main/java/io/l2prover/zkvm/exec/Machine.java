package io.l2prover.zkvm.exec;

/**
 * The RV32IM hart: registers, pc, memory, and the two engines that run its program's code.
 *
 * <p>{@link #run(int)} interprets: instructions come predecoded (one long per slot, see
 * {@link ProgramCode}); the loop keeps pc and the arrays in locals, allocates nothing, and
 * reaches memory through page caches whose miss path does all the checking. Writes to x0 go to
 * a sink register (index 32), so x0 needs no special case. Fetching outside the code range
 * raises an index exception that is turned into a fault, so the hot path has no range check.
 * {@link #runTranslated(int)} runs hot code through regions compiled by {@link Translator}.
 */
final class Machine {

  private final Memory memory;
  private final Syscalls syscalls;
  private final long[] code;
  private final int[] raw;
  private final int codeBase;
  /** x0..x31 and the x0 sink at index 32. */
  private final int[] regs = new int[33];
  private int pc;
  private long cycles;

  // Translation of hot code (see Translator): per code slot, the region entered there (or
  // NO_REGION), how often the dispatcher arrived there, and the straight-line run length the
  // interpreter takes from there while the slot is not hot yet.
  private final Translator translator;
  private final CompiledRegion[] regions;
  private final int[] arrivals;
  private final byte[] runLength;
  private final int translateAfter;

  private boolean halted;
  private int exitCode;
  /** The cycle count the current segment must not pass: a precompile call that would is left for the next one. */
  private long cycleLimit = Long.MAX_VALUE;
  /** Cycles of the call at pc that did not fit before {@link #cycleLimit}, or 0. */
  private int waitingCall;

  Machine(Program program, Memory memory, Syscalls syscalls, int translateAfter) {
    this.translateAfter = translateAfter;
    this.memory = memory;
    this.syscalls = syscalls;
    for (LoadSegment s : program.segments()) {
      int perm = s.flags() == 0 ? 0 : s.flags() | Memory.READ; // R is implied for any mapped segment
      memory.map(s.address(), s.memorySize(), perm);
      memory.load(s.address(), s.data(), 0, s.data().length);
    }
    ProgramCode shared = program.code();
    this.code = shared.code;
    this.raw = shared.raw;
    this.codeBase = shared.base;
    this.regions = shared.regions;
    this.arrivals = shared.arrivals;
    this.runLength = shared.runLength;
    this.translator = shared.translator;
    this.pc = program.entry();
  }

  /**
   * Like {@link #run(int)}, but executes hot code through translated regions: the same
   * semantics, cycle counts and faults, much faster. Cold code and anything the translator
   * leaves out (system calls, faults, the last instructions before a segment boundary) is
   * interpreted.
   */
  int runTranslated(int budget) {
    final int[] x = regs;
    final int[][] rp = memory.readCache;
    final int[][] wp = memory.writeCache;
    cycleLimit = cycles + budget;
    waitingCall = 0;
    int done = 0;
    while (done < budget && !halted && waitingCall == 0) {
      int left = budget - done;
      int slot = (pc - codeBase) >>> 2;
      if (slot >= regions.length || (pc & 3) != 0) {
        done += run(left); // faults with the interpreter's message
        continue;
      }
      CompiledRegion region = regions[slot];
      if (region == null && translateAfter > 0 && ++arrivals[slot] >= translateAfter) {
        region = translator.translate(pc);
        regions[slot] = region = region == null ? ProgramCode.NO_REGION : region;
      }
      if (region != null) {
        long result;
        try {
          result = region.run(x, memory, rp, wp, pc, left);
        } catch (CompiledRegion.RegionFault fault) {
          cycles += fault.retiredBefore;
          this.pc = fault.pc;
          throw GuestFault.at(fault.pc, raw[(fault.pc - codeBase) >>> 2], cycles, fault.getMessage());
        }
        int retired = (int) (result >>> 32);
        if (retired > 0) {
          pc = (int) result;
          cycles += retired;
          done += retired;
          continue;
        }
      }
      done += run(Math.min(left, runLength[slot]));
    }
    return done;
  }


  int pc() {
    return pc;
  }

  /**
   * Lets the next {@link #run} calls retire at most {@code budget} more cycles: a precompile call
   * that would pass them is left waiting ({@link #waitingCall}), as {@link #runTranslated} does.
   */
  void limitCycles(int budget) {
    cycleLimit = cycles + budget;
    waitingCall = 0;
  }

  long cycles() {
    return cycles;
  }

  boolean halted() {
    return halted;
  }

  int exitCode() {
    return exitCode;
  }

  /**
   * The cycles of the precompile call at pc when the last {@link #runTranslated} stopped before it
   * because they did not fit in its budget (segments never split a call), else 0.
   */
  int waitingCall() {
    return waitingCall;
  }

  /** Register {@code index} (0..31). */
  int register(int index) {
    return regs[index];
  }

  /** Sets register {@code index} (1..31); for system call results. */
  void setRegister(int index, int value) {
    if (index != 0) {
      regs[index] = value;
    }
  }

  /** Puts the hart in a recorded state (a segment's start) to run on from there. */
  void resume(int pc, int[] registers, long cycles) {
    System.arraycopy(registers, 0, regs, 0, 32);
    regs[0] = 0;
    this.pc = pc;
    this.cycles = cycles;
    this.halted = false;
  }

  /** A copy of x0..x31. */
  int[] registers() {
    int[] copy = new int[32];
    System.arraycopy(regs, 0, copy, 0, 32);
    return copy;
  }

  Memory memory() {
    return memory;
  }

  /** The instruction word at {@code address}, or 0 outside the code range. */
  int instructionAt(int address) {
    int slot = (address - codeBase) >>> 2;
    return slot < raw.length && (address & 3) == 0 ? raw[slot] : 0;
  }

  /**
   * Runs until the guest exits or {@code budget} instructions have retired.
   *
   * @return the number of instructions retired (the exiting ecall included)
   * @throws GuestFault if the guest does something the machine refuses
   */
  int run(int budget) {
    final int[] x = regs;
    final long[] code = this.code;
    final int[][] rp = memory.readCache;
    final int[][] wp = memory.writeCache;
    final int base = codeBase;
    int pc = this.pc;
    int remaining = budget;
    try {
      loop:
      while (remaining > 0) {
        remaining--;
        final long decoded = code[(pc - base) >>> 2];
        final int w = (int) decoded;
        final int imm = (int) (decoded >> 32);
        // The cases repeat their operand fields and page-cache steps on purpose: this switch is
        // the interpreter's hot path (measured by bench-exec), and it is left flat rather than
        // reshaped into helpers without a measurement showing that costs nothing. What each
        // operation computes comes from Semantics (tiny static methods that HotSpot inlines).
        switch (w & 0xff) {
          case Op.LUI -> {
            x[(w >>> 8) & 63] = imm;
            pc += 4;
          }
          case Op.JAL -> {
            if ((imm & 3) != 0) {
              throw MemoryFault.misalignedJump(imm);
            }
            x[(w >>> 8) & 63] = pc + 4;
            pc = imm;
          }
          case Op.JALR -> {
            int target = Semantics.jalrTarget(x[(w >>> 14) & 31], imm);
            if ((target & 3) != 0) {
              throw MemoryFault.misalignedJump(target);
            }
            x[(w >>> 8) & 63] = pc + 4;
            pc = target;
          }
          case Op.BEQ -> pc = Semantics.beq(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.BNE -> pc = Semantics.bne(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.BLT -> pc = Semantics.blt(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.BGE -> pc = Semantics.bge(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.BLTU -> pc = Semantics.bltu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.BGEU -> pc = Semantics.bgeu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) ? branch(imm) : pc + 4;
          case Op.LB -> {
            int a = x[(w >>> 14) & 31] + imm;
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = Semantics.lb(p[(a >>> 2) & 1023], a);
            pc += 4;
          }
          case Op.LBU -> {
            int a = x[(w >>> 14) & 31] + imm;
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = Semantics.lbu(p[(a >>> 2) & 1023], a);
            pc += 4;
          }
          case Op.LH -> {
            int a = x[(w >>> 14) & 31] + imm;
            if ((a & 1) != 0) {
              throw MemoryFault.misaligned("load", a, 2);
            }
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = Semantics.lh(p[(a >>> 2) & 1023], a);
            pc += 4;
          }
          case Op.LHU -> {
            int a = x[(w >>> 14) & 31] + imm;
            if ((a & 1) != 0) {
              throw MemoryFault.misaligned("load", a, 2);
            }
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = Semantics.lhu(p[(a >>> 2) & 1023], a);
            pc += 4;
          }
          case Op.LW -> {
            int a = x[(w >>> 14) & 31] + imm;
            if ((a & 3) != 0) {
              throw MemoryFault.misaligned("load", a, 4);
            }
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = p[(a >>> 2) & 1023];
            pc += 4;
          }
          case Op.SB -> {
            int a = x[(w >>> 14) & 31] + imm;
            int[] p = wp[a >>> 12];
            if (p == null) {
              p = memory.pageForWrite(a);
            }
            int i = (a >>> 2) & 1023;
            p[i] = Semantics.sb(p[i], a, x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SH -> {
            int a = x[(w >>> 14) & 31] + imm;
            if ((a & 1) != 0) {
              throw MemoryFault.misaligned("store", a, 2);
            }
            int[] p = wp[a >>> 12];
            if (p == null) {
              p = memory.pageForWrite(a);
            }
            int i = (a >>> 2) & 1023;
            p[i] = Semantics.sh(p[i], a, x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SW -> {
            int a = x[(w >>> 14) & 31] + imm;
            if ((a & 3) != 0) {
              throw MemoryFault.misaligned("store", a, 4);
            }
            int[] p = wp[a >>> 12];
            if (p == null) {
              p = memory.pageForWrite(a);
            }
            p[(a >>> 2) & 1023] = x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.ADDI -> {
            x[(w >>> 8) & 63] = Semantics.add(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.SLTI -> {
            x[(w >>> 8) & 63] = Semantics.slt(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.SLTIU -> {
            x[(w >>> 8) & 63] = Semantics.sltu(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.XORI -> {
            x[(w >>> 8) & 63] = Semantics.xor(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.ORI -> {
            x[(w >>> 8) & 63] = Semantics.or(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.ANDI -> {
            x[(w >>> 8) & 63] = Semantics.and(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.SLLI -> {
            x[(w >>> 8) & 63] = Semantics.sll(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.SRLI -> {
            x[(w >>> 8) & 63] = Semantics.srl(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.SRAI -> {
            x[(w >>> 8) & 63] = Semantics.sra(x[(w >>> 14) & 31], imm);
            pc += 4;
          }
          case Op.ADD -> {
            x[(w >>> 8) & 63] = Semantics.add(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SUB -> {
            x[(w >>> 8) & 63] = Semantics.sub(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SLL -> {
            x[(w >>> 8) & 63] = Semantics.sll(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SLT -> {
            x[(w >>> 8) & 63] = Semantics.slt(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SLTU -> {
            x[(w >>> 8) & 63] = Semantics.sltu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.XOR -> {
            x[(w >>> 8) & 63] = Semantics.xor(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SRL -> {
            x[(w >>> 8) & 63] = Semantics.srl(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.SRA -> {
            x[(w >>> 8) & 63] = Semantics.sra(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.OR -> {
            x[(w >>> 8) & 63] = Semantics.or(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.AND -> {
            x[(w >>> 8) & 63] = Semantics.and(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.MUL -> {
            x[(w >>> 8) & 63] = Semantics.mul(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.MULH -> {
            x[(w >>> 8) & 63] = Semantics.mulh(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.MULHSU -> {
            x[(w >>> 8) & 63] = Semantics.mulhsu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.MULHU -> {
            x[(w >>> 8) & 63] = Semantics.mulhu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.DIV -> {
            x[(w >>> 8) & 63] = Semantics.div(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.DIVU -> {
            x[(w >>> 8) & 63] = Semantics.divu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.REM -> {
            x[(w >>> 8) & 63] = Semantics.rem(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.REMU -> {
            x[(w >>> 8) & 63] = Semantics.remu(x[(w >>> 14) & 31], x[(w >>> 19) & 31]);
            pc += 4;
          }
          case Op.FENCE -> pc += 4;
          case Op.ECALL -> {
            this.pc = pc;
            long before = cycles + budget - remaining - 1;
            int extra = syscalls.extraCycles(x[17]);
            if (extra > 0 && before + 1 + extra > cycleLimit) {
              waitingCall = 1 + extra;
              remaining++; // not retired: the call goes into the next segment whole
              break loop;
            }
            if (syscalls.handle(this, before)) {
              halted = true;
              exitCode = x[10];
              break loop;
            }
            remaining -= extra;
            pc += 4;
          }
          case Op.EBREAK -> throw new MemoryFault("ebreak: the guest hit a breakpoint (abort or __builtin_trap?)");
          case Op.NOT_EXECUTABLE -> throw new MemoryFault("jump into a page that is not executable");
          default -> throw new MemoryFault("illegal instruction (the zkVM runs RV32IM only)");
        }
      }
    } catch (ArrayIndexOutOfBoundsException outsideCode) {
      throw fault(pc, budget - remaining - 1, false,
          String.format("jump to 0x%08x, outside the guest's executable segments", pc));
    } catch (MemoryFault refused) {
      throw fault(pc, budget - remaining - 1, true, refused.getMessage());
    } catch (GuestFault fault) {
      this.pc = pc;
      this.cycles += budget - remaining - 1;
      throw fault;
    }
    int retired = budget - remaining;
    this.cycles += retired;
    this.pc = pc;
    return retired;
  }

  /** Records where the machine stopped and describes the fault at {@code faultPc}. */
  private GuestFault fault(int faultPc, int retiredBefore, boolean hasInstruction, String reason) {
    this.pc = faultPc;
    this.cycles += retiredBefore;
    int slot = (faultPc - codeBase) >>> 2;
    return hasInstruction && Decoder.op((int) code[slot]) != Op.NOT_EXECUTABLE
        ? GuestFault.at(faultPc, raw[(faultPc - codeBase) >>> 2], cycles, reason)
        : GuestFault.withoutInstruction(faultPc, cycles, reason);
  }

  private static int branch(int target) {
    if ((target & 3) != 0) {
      throw MemoryFault.misalignedJump(target);
    }
    return target;
  }

}

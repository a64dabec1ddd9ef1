package io.l2prover.zkvm.exec;

/**
 * The RV32IM hart: registers, pc, memory, and the dispatch loop over predecoded instructions.
 *
 * <p>Speed matters here (dev mode is only this loop): instructions are decoded once, at load,
 * into two ints per slot; the loop keeps pc and the arrays in locals, allocates nothing, and
 * reaches memory through page caches whose miss path does all the checking. Writes to x0 go to
 * a sink register (index 32), so x0 needs no special case. Fetching outside the code range
 * raises an index exception that is turned into a fault, so the hot path has no range check.
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
  private boolean halted;
  private int exitCode;

  Machine(Program program, Memory memory, Syscalls syscalls) {
    this.memory = memory;
    this.syscalls = syscalls;
    long base = Long.MAX_VALUE;
    long end = 0;
    for (LoadSegment s : program.segments()) {
      long start = Integer.toUnsignedLong(s.address());
      int perm = s.flags() == 0 ? 0 : s.flags() | Memory.READ; // R is implied for any mapped segment
      memory.map(s.address(), s.memorySize(), perm);
      memory.load(s.address(), s.data(), 0, s.data().length);
      if (s.executable()) {
        base = Math.min(base, start & ~3L);
        end = Math.max(end, (s.end() + 3) & ~3L);
      }
    }
    if (end - base > MAX_CODE_BYTES) {
      throw new InvalidElfException(String.format(
          "invalid guest ELF: executable segments span %d MiB, more than %d MiB",
          (end - base) >> 20, MAX_CODE_BYTES >> 20));
    }
    this.codeBase = (int) base;
    int slots = (int) ((end - base) >>> 2);
    this.code = new long[slots];
    this.raw = new int[slots];
    int[] decoded = new int[2];
    for (int i = 0; i < slots; i++) {
      int address = codeBase + i * 4;
      raw[i] = memory.peekWord(address);
      if ((memory.permissions(address) & Memory.EXECUTE) != 0) {
        Decoder.decodeInto(decoded, 0, raw[i], address);
        code[i] = (long) decoded[1] << 32 | Integer.toUnsignedLong(decoded[0]);
      } else {
        code[i] = Op.NOT_EXECUTABLE;
      }
    }
    this.pc = program.entry();
  }

  private static final long MAX_CODE_BYTES = 256L << 20;

  int pc() {
    return pc;
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
        switch (w & 0xff) {
          case Op.LUI -> {
            x[(w >>> 8) & 63] = imm;
            pc += 4;
          }
          case Op.JAL -> {
            if ((imm & 3) != 0) {
              throw misalignedTarget(imm);
            }
            x[(w >>> 8) & 63] = pc + 4;
            pc = imm;
          }
          case Op.JALR -> {
            int target = (x[(w >>> 14) & 31] + imm) & ~1;
            if ((target & 3) != 0) {
              throw misalignedTarget(target);
            }
            x[(w >>> 8) & 63] = pc + 4;
            pc = target;
          }
          case Op.BEQ -> pc = x[(w >>> 14) & 31] == x[(w >>> 19) & 31] ? branch(imm) : pc + 4;
          case Op.BNE -> pc = x[(w >>> 14) & 31] != x[(w >>> 19) & 31] ? branch(imm) : pc + 4;
          case Op.BLT -> pc = x[(w >>> 14) & 31] < x[(w >>> 19) & 31] ? branch(imm) : pc + 4;
          case Op.BGE -> pc = x[(w >>> 14) & 31] >= x[(w >>> 19) & 31] ? branch(imm) : pc + 4;
          case Op.BLTU -> pc = Integer.compareUnsigned(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) < 0 ? branch(imm) : pc + 4;
          case Op.BGEU -> pc = Integer.compareUnsigned(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) >= 0 ? branch(imm) : pc + 4;
          case Op.LB -> {
            int a = x[(w >>> 14) & 31] + imm;
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = (p[(a >>> 2) & 1023] << ((3 - (a & 3)) << 3)) >> 24;
            pc += 4;
          }
          case Op.LBU -> {
            int a = x[(w >>> 14) & 31] + imm;
            int[] p = rp[a >>> 12];
            if (p == null) {
              p = memory.pageForRead(a);
            }
            x[(w >>> 8) & 63] = (p[(a >>> 2) & 1023] >>> ((a & 3) << 3)) & 0xff;
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
            x[(w >>> 8) & 63] = (p[(a >>> 2) & 1023] << ((2 - (a & 2)) << 3)) >> 16;
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
            x[(w >>> 8) & 63] = (p[(a >>> 2) & 1023] >>> ((a & 2) << 3)) & 0xffff;
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
            int shift = (a & 3) << 3;
            p[i] = (p[i] & ~(0xff << shift)) | ((x[(w >>> 19) & 31] & 0xff) << shift);
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
            int shift = (a & 2) << 3;
            p[i] = (p[i] & ~(0xffff << shift)) | ((x[(w >>> 19) & 31] & 0xffff) << shift);
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
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] + imm;
            pc += 4;
          }
          case Op.SLTI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] < imm ? 1 : 0;
            pc += 4;
          }
          case Op.SLTIU -> {
            x[(w >>> 8) & 63] = Integer.compareUnsigned(x[(w >>> 14) & 31], imm) < 0 ? 1 : 0;
            pc += 4;
          }
          case Op.XORI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] ^ imm;
            pc += 4;
          }
          case Op.ORI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] | imm;
            pc += 4;
          }
          case Op.ANDI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] & imm;
            pc += 4;
          }
          case Op.SLLI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] << imm;
            pc += 4;
          }
          case Op.SRLI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] >>> imm;
            pc += 4;
          }
          case Op.SRAI -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] >> imm;
            pc += 4;
          }
          case Op.ADD -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] + x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.SUB -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] - x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.SLL -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] << x[(w >>> 19) & 31]; // Java masks to 5 bits, as RV32 does
            pc += 4;
          }
          case Op.SLT -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] < x[(w >>> 19) & 31] ? 1 : 0;
            pc += 4;
          }
          case Op.SLTU -> {
            x[(w >>> 8) & 63] = Integer.compareUnsigned(x[(w >>> 14) & 31], x[(w >>> 19) & 31]) < 0 ? 1 : 0;
            pc += 4;
          }
          case Op.XOR -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] ^ x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.SRL -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] >>> x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.SRA -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] >> x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.OR -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] | x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.AND -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] & x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.MUL -> {
            x[(w >>> 8) & 63] = x[(w >>> 14) & 31] * x[(w >>> 19) & 31];
            pc += 4;
          }
          case Op.MULH -> {
            x[(w >>> 8) & 63] = (int) (((long) x[(w >>> 14) & 31] * x[(w >>> 19) & 31]) >> 32);
            pc += 4;
          }
          case Op.MULHSU -> {
            x[(w >>> 8) & 63] = (int) (((long) x[(w >>> 14) & 31] * Integer.toUnsignedLong(x[(w >>> 19) & 31])) >> 32);
            pc += 4;
          }
          case Op.MULHU -> {
            x[(w >>> 8) & 63] = (int) ((Integer.toUnsignedLong(x[(w >>> 14) & 31])
                * Integer.toUnsignedLong(x[(w >>> 19) & 31])) >>> 32);
            pc += 4;
          }
          case Op.DIV -> {
            int d = x[(w >>> 19) & 31];
            // Division by zero gives -1; MIN_VALUE / -1 gives MIN_VALUE in Java as in RISC-V.
            x[(w >>> 8) & 63] = d == 0 ? -1 : x[(w >>> 14) & 31] / d;
            pc += 4;
          }
          case Op.DIVU -> {
            int d = x[(w >>> 19) & 31];
            x[(w >>> 8) & 63] = d == 0 ? -1 : Integer.divideUnsigned(x[(w >>> 14) & 31], d);
            pc += 4;
          }
          case Op.REM -> {
            int d = x[(w >>> 19) & 31];
            x[(w >>> 8) & 63] = d == 0 ? x[(w >>> 14) & 31] : x[(w >>> 14) & 31] % d;
            pc += 4;
          }
          case Op.REMU -> {
            int d = x[(w >>> 19) & 31];
            x[(w >>> 8) & 63] = d == 0 ? x[(w >>> 14) & 31] : Integer.remainderUnsigned(x[(w >>> 14) & 31], d);
            pc += 4;
          }
          case Op.FENCE -> pc += 4;
          case Op.ECALL -> {
            this.pc = pc;
            if (syscalls.handle(this, cycles + budget - remaining - 1)) {
              halted = true;
              exitCode = x[10];
              break loop;
            }
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
      throw misalignedTarget(target);
    }
    return target;
  }

  private static MemoryFault misalignedTarget(int target) {
    return new MemoryFault(String.format("jump to misaligned address 0x%08x (instructions are 4-byte aligned)", target));
  }
}

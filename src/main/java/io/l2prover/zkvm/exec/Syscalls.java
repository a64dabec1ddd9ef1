package io.l2prover.zkvm.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest ABI (DESIGN §4): Linux RISC-V syscall numbers through ecall, so guests also run under
 * qemu-riscv32. read(63) from fd 0 is the private input; write(64) to fd 1/2 goes to the host's
 * stdout/stderr and to fd 3 is the journal; exit(93) and exit_group(94) end the guest.
 * zkVM-only calls have numbers >= 0x1000: phase(0x1000) records a {@link PhaseMark} and returns
 * 0 (qemu answers -ENOSYS to it, so guests ignore the result and run there unchanged); 0x1001..
 * are the {@link Precompiles}, which answer -ENOSYS as qemu does when they are switched off.
 */
final class Syscalls {

  static final int READ = 63;
  static final int WRITE = 64;
  static final int EXIT = 93;
  static final int EXIT_GROUP = 94;
  static final int PHASE = 0x1000;

  static final int FD_INPUT = 0;
  static final int FD_STDOUT = 1;
  static final int FD_STDERR = 2;
  static final int FD_JOURNAL = 3;

  /** Largest single read or write, so a wild length cannot make the host allocate gigabytes. */
  private static final int MAX_TRANSFER = 64 << 20;
  /** Most phase markers per run: phases are a handful of boundaries, and the host keeps each one. */
  static final int MAX_PHASE_MARKS = 1 << 16;

  private final byte[] input;
  private int inputPosition;
  private boolean endOfInputReported;
  private final OutputStream stdout;
  private final OutputStream stderr;
  private final ByteArrayOutputStream journal = new ByteArrayOutputStream();
  private final List<PhaseMark> phaseMarks = new ArrayList<>();
  private final int precompiles;
  private final boolean traced;
  private final HostCalls hostCalls;

  /**
   * @param precompiles the calls that exist (bit n - 0x1000 for call n); the others answer -ENOSYS
   * @param traced whether every cycle is traced (host-only calls then fault: a proof cannot depend on them)
   */
  Syscalls(byte[] input, OutputStream stdout, OutputStream stderr, int precompiles, boolean traced) {
    this(input, stdout, stderr, precompiles, traced, null);
  }

  /** @param hostCalls answers the host-only calls, or null: they then answer -ENOSYS */
  Syscalls(byte[] input, OutputStream stdout, OutputStream stderr, int precompiles, boolean traced,
      HostCalls hostCalls) {
    this.hostCalls = hostCalls;
    this.input = input;
    this.stdout = stdout;
    this.stderr = stderr;
    this.precompiles = precompiles;
    this.traced = traced;
  }

  /** Cycles the call {@code number} costs beyond its ecall's own: a precompile's work (see {@link Precompiles#cycles}). */
  int extraCycles(int number) {
    if (!Precompiles.enabled(precompiles, number)) {
      return 0;
    }
    return Precompiles.cycles(number) - 1;
  }

  byte[] journal() {
    return journal.toByteArray();
  }

  List<PhaseMark> phaseMarks() {
    return List.copyOf(phaseMarks);
  }

  /** Bytes of the input consumed so far. */
  int inputPosition() {
    return inputPosition;
  }

  /** Whether a read has returned 0 at the end of the input. */
  boolean inputEndReported() {
    return endOfInputReported;
  }

  /** Bytes written to the journal so far (by this instance). */
  int journalLength() {
    return journal.size();
  }

  /** Continues reading the input from where a previous run had got (to replay a segment). */
  void resumeInput(int position, boolean endReported) {
    if (position < 0 || position > input.length || (endReported && position != input.length)) {
      throw new IllegalArgumentException(String.format(
          "input position %d%s does not fit an input of %d bytes", position, endReported ? " (end reported)" : "",
          input.length));
    }
    inputPosition = position;
    endOfInputReported = endReported;
  }

  /**
   * Performs the ecall at the machine's pc ({@code cycle} instructions retired before it).
   *
   * @return true if the guest exited (its code is in a0)
   */
  boolean handle(Machine m, long cycle) {
    int number = m.register(17);
    int a0 = m.register(10);
    int a1 = m.register(11);
    int a2 = m.register(12);
    try {
      switch (number) {
        case EXIT, EXIT_GROUP -> {
          return true;
        }
        case READ -> setResult(m, read(m, a0, a1, a2));
        case WRITE -> setResult(m, write(m, a0, a1, a2));
        case PHASE -> {
          mark(a0, cycle);
          setResult(m, 0);
        }
        default -> {
          if (number >= HostCalls.FIRST && number <= HostCalls.LAST) {
            setResult(m, hostCall(m, number, a0, a1, a2));
            return false;
          }
          if (!Precompiles.isPrecompile(number)) {
            throw new MemoryFault(String.format("unknown syscall %d (a7); the zkVM knows read (63), write (64),"
                + " exit (93), phase (4096) and the precompiles %d..%d", number, Precompiles.FIRST, Precompiles.LAST));
          }
          setResult(m, Precompiles.enabled(precompiles, number)
              ? Precompiles.call(number, m.memory(), precompiles, a0, a1, a2) : Precompiles.ENOSYS);
        }
      }
    } catch (MemoryFault refused) {
      throw GuestFault.at(m.pc(), m.instructionAt(m.pc()), cycle, refused.getMessage());
    }
    return false;
  }

  private int hostCall(Machine m, int number, int a0, int a1, int a2) {
    if (traced) {
      throw new MemoryFault(String.format("host-only call 0x%x in a traced run: a proven run must not depend on"
          + " the host (give the guest an input that carries its witness)", number));
    }
    if (hostCalls == null) {
      return Precompiles.ENOSYS;
    }
    return hostCalls.call(number, a0, a1, a2, new HostCalls.GuestMemory() {
      @Override
      public byte[] read(int address, int length) {
        checkLength(length);
        return m.memory().readBytes(address, length);
      }

      @Override
      public void write(int address, byte[] data) {
        m.memory().writeBytes(address, data, 0, data.length);
      }
    });
  }

  private void mark(int id, long cycle) {
    if (phaseMarks.size() == MAX_PHASE_MARKS) {
      throw new MemoryFault(String.format(
          "more than %d phase markers (syscall 4096); mark a guest's phases, not the iterations of a loop",
          MAX_PHASE_MARKS));
    }
    phaseMarks.add(new PhaseMark(Integer.toUnsignedLong(id), cycle));
  }

  private static void setResult(Machine m, int value) {
    m.setRegister(10, value);
  }

  private int read(Machine m, int fd, int buffer, int length) {
    if (fd != FD_INPUT) {
      throw new MemoryFault("read from fd " + fd + "; only fd 0 (the input) can be read");
    }
    checkLength(length);
    int available = input.length - inputPosition;
    if (available == 0 && length > 0) {
      // Report the end once, as Linux does, so read-until-EOF loops work; reading on after that
      // means the guest expected input it was not given.
      if (endOfInputReported) {
        throw new MemoryFault(String.format(
            "read past the end of the input (%d bytes, all consumed); give the guest the input it expects",
            input.length));
      }
      endOfInputReported = true;
      return 0;
    }
    int n = Math.min(available, length);
    m.memory().writeBytes(buffer, input, inputPosition, n);
    inputPosition += n;
    return n;
  }

  private int write(Machine m, int fd, int buffer, int length) {
    checkLength(length);
    OutputStream target = switch (fd) {
      case FD_STDOUT -> stdout;
      case FD_STDERR -> stderr;
      case FD_JOURNAL -> journal;
      default -> throw new MemoryFault("write to fd " + fd + "; the guest may write fd 1, 2 and 3 (journal)");
    };
    byte[] data = m.memory().readBytes(buffer, length);
    try {
      target.write(data);
      if (target != journal) {
        target.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("guest output to fd " + fd + " failed", e);
    }
    return length;
  }

  private static void checkLength(int length) {
    if (length < 0 || length > MAX_TRANSFER) {
      throw new MemoryFault(String.format("transfer length %d (a2) is outside 0..%d", Integer.toUnsignedLong(length), MAX_TRANSFER));
    }
  }
}

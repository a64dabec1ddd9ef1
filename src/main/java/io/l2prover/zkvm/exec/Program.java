package io.l2prover.zkvm.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A guest loaded from an ELF32 little-endian RISC-V executable: its entry point and load segments. */
public record Program(int entry, List<LoadSegment> segments) {

  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final int PT_INTERP = 3;
  private static final int EM_RISCV = 243;
  private static final int ET_EXEC = 2;
  private static final int EF_RISCV_RVC = 0x1;
  private static final int EF_RISCV_FLOAT_ABI = 0x6;
  private static final int EF_RISCV_RVE = 0x8;

  public Program {
    segments = List.copyOf(segments);
  }

  /** Parses and checks an ELF file; every problem is an {@link InvalidElfException} with a one-line reason. */
  public static Program fromElf(byte[] elf) {
    if (elf.length < 52) {
      throw invalid("file is " + elf.length + " bytes, too short for an ELF header");
    }
    if (elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
      throw invalid("not an ELF file (bad magic)");
    }
    if (elf[4] != 1) {
      throw invalid("ELF class " + elf[4] + " is not ELF32 (build for riscv32, not riscv64)");
    }
    if (elf[5] != 1) {
      throw invalid("not little-endian");
    }
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
    int type = Short.toUnsignedInt(b.getShort(16));
    int machine = Short.toUnsignedInt(b.getShort(18));
    if (machine != EM_RISCV) {
      throw invalid("machine " + machine + " is not RISC-V (" + EM_RISCV + ")");
    }
    if (type != ET_EXEC) {
      throw invalid("ELF type " + type + " is not a static executable (link with -static, no -shared/-pie)");
    }
    int entry = b.getInt(24);
    long phoff = Integer.toUnsignedLong(b.getInt(28));
    int flags = b.getInt(36);
    if ((flags & EF_RISCV_RVC) != 0) {
      throw invalid("built with compressed instructions (RVC); build with -march=rv32im");
    }
    if ((flags & (EF_RISCV_FLOAT_ABI | EF_RISCV_RVE)) != 0) {
      throw invalid("float or RV32E ABI (e_flags 0x" + Integer.toHexString(flags) + "); build with -mabi=ilp32");
    }
    int phentsize = Short.toUnsignedInt(b.getShort(42));
    int phnum = Short.toUnsignedInt(b.getShort(44));
    if (phnum == 0) {
      throw invalid("no program headers");
    }
    if (phentsize != 32) {
      throw invalid("program header size " + phentsize + " is not 32");
    }
    if (phoff + (long) phnum * phentsize > elf.length) {
      throw invalid("program headers run past the end of the file (truncated?)");
    }
    List<LoadSegment> loads = new ArrayList<>();
    for (int i = 0; i < phnum; i++) {
      int at = (int) phoff + i * phentsize;
      int ptype = b.getInt(at);
      if (ptype == PT_DYNAMIC || ptype == PT_INTERP) {
        throw invalid("dynamically linked; link with -static");
      }
      if (ptype != PT_LOAD) {
        continue;
      }
      long offset = Integer.toUnsignedLong(b.getInt(at + 4));
      int vaddr = b.getInt(at + 8);
      long filesz = Integer.toUnsignedLong(b.getInt(at + 16));
      long memsz = Integer.toUnsignedLong(b.getInt(at + 20));
      int pflags = b.getInt(at + 24) & 7;
      String where = String.format("PT_LOAD #%d at 0x%08x", i, vaddr);
      if (offset + filesz > elf.length) {
        throw invalid(where + " runs past the end of the file (truncated?)");
      }
      if (filesz > memsz) {
        throw invalid(where + " has more file bytes than memory bytes");
      }
      if (Integer.toUnsignedLong(vaddr) + memsz > 1L << 32) {
        throw invalid(where + " wraps past the end of the 32-bit address space");
      }
      if (memsz == 0) {
        continue;
      }
      byte[] data = new byte[(int) filesz];
      System.arraycopy(elf, (int) offset, data, 0, data.length);
      loads.add(new LoadSegment(vaddr, memsz, data, pflags));
    }
    if (loads.isEmpty()) {
      throw invalid("no PT_LOAD segments");
    }
    loads.sort(Comparator.comparingLong(s -> Integer.toUnsignedLong(s.address())));
    for (int i = 1; i < loads.size(); i++) {
      LoadSegment prev = loads.get(i - 1);
      LoadSegment next = loads.get(i);
      long prevLastPage = (prev.end() - 1) >>> Memory.PAGE_BITS;
      long nextFirstPage = Integer.toUnsignedLong(next.address()) >>> Memory.PAGE_BITS;
      if (prev.end() > Integer.toUnsignedLong(next.address())) {
        throw invalid(String.format("segments at 0x%08x and 0x%08x overlap", prev.address(), next.address()));
      }
      if (prevLastPage == nextFirstPage) {
        throw invalid(String.format("segments at 0x%08x and 0x%08x share a 4 KiB page; link with page-aligned "
            + "segments (native/guest/link.ld)", prev.address(), next.address()));
      }
    }
    Program program = new Program(entry, loads);
    if (loads.stream().noneMatch(s -> s.executable() && contains(s, entry))) {
      throw invalid(String.format("entry point 0x%08x is not in an executable segment", entry));
    }
    return program;
  }

  private static boolean contains(LoadSegment s, int address) {
    long a = Integer.toUnsignedLong(address);
    return a >= Integer.toUnsignedLong(s.address()) && a < s.end();
  }

  private static InvalidElfException invalid(String reason) {
    return new InvalidElfException("invalid guest ELF: " + reason);
  }
}

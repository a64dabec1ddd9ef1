package io.l2prover.zkvm.exec;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Translates hot guest code into JVM bytecode, one {@link CompiledRegion} per hot entry point.
 *
 * <p>A region is the set of basic blocks reachable from the entry through direct branches and
 * jumps (bounded in size). Guest registers live in JVM locals for the whole region and go back
 * to the register array only when control leaves it, so HotSpot turns a guest loop into a host
 * loop. The cycle budget is checked at backward jumps and at jalr dispatch (see
 * {@code checkBudget}), which keeps segment boundaries exact; instructions it cannot translate
 * (ecall, ebreak, illegal words, jumps to misaligned static targets) end a block and are left to
 * the interpreter. Loads and stores use the same page caches and miss path as the interpreter,
 * so permissions and touched-page tracking are identical.
 */
final class Translator {

  /** Longest basic block; also the interpreter's step when no region applies. */
  static final int MAX_BLOCK = 64;
  /** Guest instructions per region at first try; halved until the method is small enough to be JIT-compiled. */
  private static final int MAX_REGION_INSTRUCTIONS = 512;
  private static final int HUGE_METHOD_BYTES = 7999;

  private static final String REGION = Type.getInternalName(CompiledRegion.class);
  private static final String MEMORY = Type.getInternalName(Memory.class);
  private static final String MEMORY_FAULT = Type.getInternalName(MemoryFault.class);
  private static final String SEMANTICS = Type.getInternalName(Semantics.class);

  /**
   * {@link Semantics} methods whose whole body is one JVM instruction on their two arguments:
   * the translator emits that instruction instead of the call, which keeps regions small.
   * {@code SemanticsTest} reads Semantics' bytecode to check each one.
   */
  static final Map<String, Integer> INLINE = Map.of("add", IADD, "sub", ISUB, "sll", ISHL, "srl", IUSHR,
      "sra", ISHR, "xor", IXOR, "or", IOR, "and", IAND, "mul", IMUL);
  private static final String RUN_DESC = "([IL" + MEMORY + ";[[I[[III)J";

  // Local variable slots of the generated run method.
  private static final int X = 1;
  private static final int MEM = 2;
  private static final int READ_CACHE = 3;
  private static final int WRITE_CACHE = 4;
  private static final int PC = 5;
  private static final int BUDGET = 6;
  private static final int CYCLES = 7;
  private static final int FAULT_PC = 8;
  private static final int BLOCK_START = 9;
  private static final int ADDRESS = 10;
  private static final int REG0 = 10; // guest register i (1..31) lives in local REG0 + i

  private final long[] code;
  private final int codeBase;
  private final MethodHandles.Lookup lookup = MethodHandles.lookup();
  private int regionCount;

  Translator(long[] code, int codeBase) {
    this.code = code;
    this.codeBase = codeBase;
  }

  /** The {@link Semantics} method of an ALU or M operation; an I-format one shares its R-format twin's (addi: add, sltiu: sltu). */
  static String semanticsMethod(Opcode op) {
    return op.mnemonic().replaceFirst("i(u?)$", "$1");
  }

  /** One straight-line run of translatable instructions. */
  private record Block(int start, int length) {}

  /** The region entered at {@code entry}, or null if its first instruction cannot be translated. */
  synchronized CompiledRegion translate(int entry) {
    for (int limit = MAX_REGION_INSTRUCTIONS; limit >= MAX_BLOCK; limit /= 2) {
      TreeMap<Integer, Block> blocks = formRegion(entry, limit);
      if (blocks.isEmpty()) {
        return null;
      }
      byte[] bytes = generate(blocks);
      if (bytes != null) {
        try {
          Class<?> type = lookup.defineHiddenClass(bytes, true).lookupClass();
          return (CompiledRegion) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("translated region at " + Integer.toHexString(entry) + " did not load", e);
        }
      }
    }
    return null;
  }

  private int op(int pc) {
    return Decoder.op((int) code[(pc - codeBase) >>> 2]);
  }

  private boolean inCode(int pc) {
    return (pc & 3) == 0 && Integer.toUnsignedLong(pc - codeBase) < (long) code.length * 4;
  }

  private static boolean isControl(int op) {
    return op == Op.JAL || op == Op.JALR || (op >= Op.BEQ && op <= Op.BGEU);
  }

  private boolean translatable(int pc) {
    long d = code[(pc - codeBase) >>> 2];
    int op = Decoder.op((int) d);
    if (op == Op.ILLEGAL || op == Op.NOT_EXECUTABLE || op == Op.ECALL || op == Op.EBREAK) {
      return false;
    }
    // Jumps to misaligned static targets fault; the interpreter reports them.
    return !((op == Op.JAL || (op >= Op.BEQ && op <= Op.BGEU)) && ((int) (d >> 32) & 3) != 0);
  }

  private TreeMap<Integer, Block> formRegion(int entry, int limit) {
    TreeMap<Integer, Block> blocks = new TreeMap<>();
    Deque<Integer> work = new ArrayDeque<>();
    work.add(entry);
    int total = 0;
    while (!work.isEmpty() && total < limit) {
      int start = work.poll();
      if (blocks.containsKey(start) || !inCode(start)) {
        continue;
      }
      int length = 0;
      int pc = start;
      while (length < MAX_BLOCK && inCode(pc) && translatable(pc)) {
        length++;
        if (isControl(op(pc))) {
          break;
        }
        pc += 4;
      }
      if (length == 0) {
        continue;
      }
      blocks.put(start, new Block(start, length));
      total += length;
      int last = start + 4 * (length - 1);
      long d = code[(last - codeBase) >>> 2];
      int op = Decoder.op((int) d);
      int target = (int) (d >> 32);
      if (op >= Op.BEQ && op <= Op.BGEU) {
        work.add(last + 4);
        work.add(target);
      } else if (op == Op.JAL) {
        work.add(target);
        work.add(last + 4); // the return point of a call
      } else if (op != Op.JALR) {
        work.add(last + 4);
      }
    }
    return blocks;
  }

  private static boolean readsRs2(int op) {
    return (op >= Op.BEQ && op <= Op.BGEU) || (op >= Op.SB && op <= Op.SW) || (op >= Op.ADD && op <= Op.AND)
        || (op >= Op.MUL && op <= Op.REMU);
  }

  private static boolean writesRd(int op) {
    return !((op >= Op.BEQ && op <= Op.BGEU) || (op >= Op.SB && op <= Op.SW) || op == Op.FENCE);
  }

  private byte[] generate(TreeMap<Integer, Block> blocks) {
    BitSet read = new BitSet();
    BitSet written = new BitSet();
    for (Block b : blocks.values()) {
      for (int i = 0; i < b.length(); i++) {
        int w = (int) code[((b.start() + 4 * i) - codeBase) >>> 2];
        // Only the fields an instruction really uses: in other formats they hold immediate bits,
        // and every register counted here costs a load at region entry and a store at exit.
        int op = Decoder.op(w);
        if (op != Op.LUI && op != Op.JAL && op != Op.FENCE) {
          read.set(Decoder.rs1(w));
        }
        if (readsRs2(op)) {
          read.set(Decoder.rs2(w));
        }
        int rd = Decoder.rd(w);
        if (rd != Op.SINK && writesRd(op)) {
          written.set(rd);
        }
      }
    }
    read.clear(0);
    BitSet used = (BitSet) read.clone();
    used.or(written);

    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";
      }
    };
    String name = REGION.substring(0, REGION.lastIndexOf('/') + 1) + "Region" + (regionCount++);
    cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, REGION, null);
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, REGION, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor mv = cw.visitMethod(0, "run", RUN_DESC, null, null);
    Emitter e = new Emitter(mv, blocks, written);
    mv.visitCode();
    for (int r = used.nextSetBit(1); r >= 0; r = used.nextSetBit(r + 1)) {
      mv.visitVarInsn(ALOAD, X);
      e.push(r);
      mv.visitInsn(IALOAD);
      mv.visitVarInsn(ISTORE, REG0 + r);
    }
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, CYCLES);
    mv.visitVarInsn(ILOAD, PC);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, FAULT_PC);
    mv.visitVarInsn(ISTORE, BLOCK_START);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, ADDRESS);
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, MEMORY_FAULT);
    mv.visitLabel(tryStart);
    e.emitDispatch();
    for (Block b : blocks.values()) {
      e.emitBlock(b);
    }
    mv.visitLabel(tryEnd);
    e.emitExit();
    mv.visitLabel(handler);
    // stack: the MemoryFault; cycles before the faulting instruction = block's start count + its index
    mv.visitVarInsn(ILOAD, FAULT_PC);
    mv.visitVarInsn(ILOAD, CYCLES);
    mv.visitVarInsn(ILOAD, FAULT_PC);
    mv.visitVarInsn(ILOAD, BLOCK_START);
    mv.visitInsn(ISUB);
    mv.visitInsn(ICONST_2);
    mv.visitInsn(IUSHR);
    mv.visitInsn(IADD);
    mv.visitMethodInsn(INVOKESTATIC, REGION, "fault",
        "(L" + MEMORY_FAULT + ";II)L" + REGION + "$RegionFault;", false);
    mv.visitInsn(ATHROW);
    Label methodEnd = new Label();
    mv.visitLabel(methodEnd);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    byte[] bytes = cw.toByteArray();
    // HotSpot never JIT-compiles a method above 8000 bytes of bytecode (DontCompileHugeMethods):
    // such a region would run in the JVM's bytecode interpreter, slower than ours.
    return methodEnd.getOffset() > HUGE_METHOD_BYTES ? null : bytes;
  }

  /** Emits the body of one region's run method. */
  private final class Emitter {
    private final MethodVisitor mv;
    private final TreeMap<Integer, Block> blocks;
    private final BitSet written;
    private final Map<Integer, Label> labels = new TreeMap<>();
    private final Label dispatch = new Label();
    private final Label exit = new Label();
    private final int regionLength;
    private int currentBlockStart;

    Emitter(MethodVisitor mv, TreeMap<Integer, Block> blocks, BitSet written) {
      this.mv = mv;
      this.blocks = blocks;
      this.written = written;
      this.regionLength = blocks.values().stream().mapToInt(Block::length).sum();
      blocks.keySet().forEach(start -> labels.put(start, new Label()));
    }

    void push(int v) {
      if (v >= -1 && v <= 5) {
        mv.visitInsn(ICONST_0 + v);
      } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
        mv.visitIntInsn(BIPUSH, v);
      } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
        mv.visitIntInsn(SIPUSH, v);
      } else {
        mv.visitLdcInsn(v);
      }
    }

    void loadReg(int r) {
      if (r == 0) {
        mv.visitInsn(ICONST_0);
      } else {
        mv.visitVarInsn(ILOAD, REG0 + r);
      }
    }

    void storeReg(int rd) {
      if (rd == Op.SINK) {
        mv.visitInsn(POP);
      } else {
        mv.visitVarInsn(ISTORE, REG0 + rd);
      }
    }

    void emitDispatch() {
      mv.visitLabel(dispatch);
      Label fits = jumpIfRegionFits();
      mv.visitJumpInsn(GOTO, exit);
      mv.visitLabel(fits);
      mv.visitVarInsn(ILOAD, PC);
      int[] keys = blocks.keySet().stream().mapToInt(Integer::intValue).toArray();
      Label[] targets = new Label[keys.length];
      for (int i = 0; i < keys.length; i++) {
        targets[i] = labels.get(keys[i]);
      }
      mv.visitLookupSwitchInsn(exit, keys, targets);
    }

    void emitExit() {
      mv.visitLabel(exit);
      for (int r = written.nextSetBit(1); r >= 0; r = written.nextSetBit(r + 1)) {
        mv.visitVarInsn(ALOAD, X);
        push(r);
        mv.visitVarInsn(ILOAD, REG0 + r);
        mv.visitInsn(IASTORE);
      }
      mv.visitVarInsn(ILOAD, CYCLES);
      mv.visitInsn(I2L);
      push(32);
      mv.visitInsn(LSHL);
      mv.visitVarInsn(ILOAD, PC);
      mv.visitInsn(I2L);
      mv.visitLdcInsn(0xffffffffL);
      mv.visitInsn(LAND);
      mv.visitInsn(LOR);
      mv.visitInsn(LRETURN);
    }

    /**
     * Continue at a static target: inside the region by a direct jump, otherwise leave it. A
     * backward jump first checks the budget: between such checks control only moves forward,
     * through each block at most once, so at most {@code regionLength} cycles pass.
     */
    void transfer(int target) {
      Label label = labels.get(target);
      if (label != null) {
        if (target <= currentBlockStart) {
          checkBudget(target);
        }
        mv.visitJumpInsn(GOTO, label);
      } else {
        push(target);
        mv.visitVarInsn(ISTORE, PC);
        mv.visitJumpInsn(GOTO, exit);
      }
    }

    /**
     * Emits a jump, taken when a forward run through the whole region still fits the budget, to
     * the returned label; the caller places it.
     */
    private Label jumpIfRegionFits() {
      Label fits = new Label();
      mv.visitVarInsn(ILOAD, CYCLES);
      mv.visitVarInsn(ILOAD, BUDGET);
      push(regionLength);
      mv.visitInsn(ISUB);
      mv.visitJumpInsn(IF_ICMPLE, fits);
      return fits;
    }

    /** Leaves the region at {@code target} unless a forward run through the whole region still fits the budget. */
    private void checkBudget(int target) {
      Label fits = jumpIfRegionFits();
      push(target);
      mv.visitVarInsn(ISTORE, PC);
      mv.visitJumpInsn(GOTO, exit);
      mv.visitLabel(fits);
    }

    void addCycles(int n) {
      mv.visitIincInsn(CYCLES, n);
    }

    void emitBlock(Block b) {
      int start = b.start();
      int n = b.length();
      mv.visitLabel(labels.get(start));
      currentBlockStart = start;
      push(start);
      mv.visitVarInsn(ISTORE, BLOCK_START);
      for (int i = 0; i < n; i++) {
        int pc = start + 4 * i;
        long d = code[(pc - codeBase) >>> 2];
        emitInstruction(pc, (int) d, (int) (d >> 32), n);
      }
      int last = start + 4 * (n - 1);
      if (!isControl(op(last))) {
        addCycles(n);
        transfer(start + 4 * n);
      }
    }

    private void emitInstruction(int pc, int w, int imm, int blockLength) {
      int op = Decoder.op(w);
      int rd = Decoder.rd(w);
      int rs1 = Decoder.rs1(w);
      int rs2 = Decoder.rs2(w);
      switch (op) {
        case Op.LUI -> {
          push(imm);
          storeReg(rd);
        }
        case Op.FENCE -> {
        }
        case Op.ADD, Op.SUB, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.SRA, Op.OR, Op.AND,
            Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU -> {
          loadReg(rs1);
          loadReg(rs2);
          emitOperation(op);
          storeReg(rd);
        }
        case Op.ADDI, Op.SLTI, Op.SLTIU, Op.XORI, Op.ORI, Op.ANDI, Op.SLLI, Op.SRLI, Op.SRAI -> {
          loadReg(rs1);
          push(imm);
          emitOperation(op);
          storeReg(rd);
        }
        case Op.LB, Op.LBU, Op.LH, Op.LHU, Op.LW -> emitLoad(pc, op, rd, rs1, imm);
        case Op.SB, Op.SH, Op.SW -> emitStore(pc, op, rs1, rs2, imm);
        case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> {
          addCycles(blockLength);
          Label taken = new Label();
          loadReg(rs1);
          loadReg(rs2);
          mv.visitMethodInsn(INVOKESTATIC, SEMANTICS, Decoder.opcode(op).mnemonic(), "(II)Z", false);
          mv.visitJumpInsn(IFNE, taken);
          transfer(pc + 4);
          mv.visitLabel(taken);
          transfer(imm);
        }
        case Op.JAL -> {
          addCycles(blockLength);
          push(pc + 4);
          storeReg(rd);
          transfer(imm);
        }
        case Op.JALR -> {
          markFaultPc(pc);
          loadReg(rs1);
          push(imm);
          mv.visitInsn(IADD);
          push(~1);
          mv.visitInsn(IAND);
          mv.visitVarInsn(ISTORE, ADDRESS);
          Label aligned = new Label();
          mv.visitVarInsn(ILOAD, ADDRESS);
          push(3);
          mv.visitInsn(IAND);
          mv.visitJumpInsn(IFEQ, aligned);
          mv.visitVarInsn(ILOAD, ADDRESS);
          mv.visitMethodInsn(INVOKESTATIC, REGION, "misalignedJump", "(I)L" + MEMORY_FAULT + ";", false);
          mv.visitInsn(ATHROW);
          mv.visitLabel(aligned);
          addCycles(blockLength);
          push(pc + 4);
          storeReg(rd);
          mv.visitVarInsn(ILOAD, ADDRESS);
          mv.visitVarInsn(ISTORE, PC);
          mv.visitJumpInsn(GOTO, dispatch);
        }
        default -> throw new IllegalStateException("untranslatable op " + op + " in a block");
      }
    }

    /** Computes rd from the two operands on the stack: the {@link Semantics} method, or the one JVM instruction that is its body. */
    private void emitOperation(int op) {
      String method = semanticsMethod(Decoder.opcode(op));
      Integer inline = INLINE.get(method);
      if (inline != null) {
        mv.visitInsn(inline);
      } else {
        mv.visitMethodInsn(INVOKESTATIC, SEMANTICS, method, "(II)I", false);
      }
    }

    private void markFaultPc(int pc) {
      push(pc);
      mv.visitVarInsn(ISTORE, FAULT_PC);
    }

    /**
     * Sets the fault pc and pushes what every load and store helper takes first: the page cache,
     * the memory and the address x[rs1] + imm.
     */
    private void pushAccess(int pc, int cache, int rs1, int imm) {
      markFaultPc(pc);
      mv.visitVarInsn(ALOAD, cache);
      mv.visitVarInsn(ALOAD, MEM);
      loadReg(rs1);
      push(imm);
      mv.visitInsn(IADD);
    }

    private void emitLoad(int pc, int op, int rd, int rs1, int imm) {
      pushAccess(pc, READ_CACHE, rs1, imm);
      String name = switch (op) {
        case Op.LW -> "lw";
        case Op.LH -> "lh";
        case Op.LHU -> "lhu";
        case Op.LB -> "lb";
        default -> "lbu";
      };
      mv.visitMethodInsn(INVOKESTATIC, REGION, name, "([[IL" + MEMORY + ";I)I", false);
      storeReg(rd);
    }

    private void emitStore(int pc, int op, int rs1, int rs2, int imm) {
      pushAccess(pc, WRITE_CACHE, rs1, imm);
      loadReg(rs2);
      String name = op == Op.SW ? "sw" : op == Op.SH ? "sh" : "sb";
      mv.visitMethodInsn(INVOKESTATIC, REGION, name, "([[IL" + MEMORY + ";II)V", false);
    }
  }
}

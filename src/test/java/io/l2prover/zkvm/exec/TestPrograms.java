package io.l2prover.zkvm.exec;

/** Tiny hand-written guests for tests outside this package. */
public final class TestPrograms {

  private TestPrograms() {}

  /** Calls {@code number} (a0 = a1 = a2 = 0), then exits with the call's result as the exit code. */
  public static byte[] callThenExitWithResult(int number) {
    Rv32Asm asm = new Rv32Asm().li(10, 0).li(11, 0).li(12, 0).li(17, number).ecall().li(17, 93).ecall();
    return TinyElf.of(asm.words(), 0x1000);
  }

  /** The first operand of every ALU operation of {@link #everyOperation(int)} (x5: negative, so signs matter). */
  public static final int OPERAND_A = 0x87654321;
  /** The second operand (x6): a shift amount of 19, a divisor with a remainder. */
  public static final int OPERAND_B = 0x00000ff3;
  /** Where {@link #everyOperation(int)} stores and loads: x4. */
  public static final int DATA = TinyElf.DATA;

  /**
   * Every register-register operation of RV32IM on (x5, x6), each into a register no later
   * instruction touches; then SW x5 to DATA and SB, SH, SW of x6 to three words nothing reads
   * again; LB, LH, LW, LBU, LHU of the word at DATA (into registers nothing reads again); writes
   * that word to the journal (fd 3) and two bytes of it to fd 1; exits with {@code exitCode}. 56 cycles:
   * the soundness tests forge each of these steps in turn.
   */
  public static byte[] everyOperation(int exitCode) {
    Rv32Asm asm = operationsStoresAndLoads();
    asm.write(3, DATA, 4).write(1, DATA, 2).exit(exitCode);
    return TinyElf.of(asm.words(), 0x1000);
  }

  /** The operations, stores and loads of {@link #everyOperation(int)}, up to its writes. */
  private static Rv32Asm operationsStoresAndLoads() {
    Rv32Asm asm = new Rv32Asm().li(5, OPERAND_A).li(6, OPERAND_B).li(4, DATA);
    int[][] ops = { // funct7, funct3, rd
        {0x00, 0, 7}, {0x20, 0, 8}, {0x00, 1, 9}, {0x00, 2, 13}, {0x00, 3, 14}, {0x00, 4, 15}, {0x00, 5, 16},
        {0x20, 5, 18}, {0x00, 6, 19}, {0x00, 7, 20}, {0x01, 0, 21}, {0x01, 1, 22}, {0x01, 2, 23}, {0x01, 3, 24},
        {0x01, 4, 25}, {0x01, 5, 26}, {0x01, 6, 27}, {0x01, 7, 28}};
    for (int[] op : ops) {
      asm.word(Rv32Asm.r(op[0], 6, 5, op[1], op[2], 0x33));
    }
    asm.word(Rv32Asm.s(0, 5, 4, 2)).word(Rv32Asm.s(9, 6, 4, 0)).word(Rv32Asm.s(14, 6, 4, 1))
        .word(Rv32Asm.s(16, 6, 4, 2));
    // lb x29, 3; lh x30, 2; lw x31, 0; lbu x1, 3; lhu x3, 2 (all of the word 0x87654321)
    int[][] loads = {{0, 3, 29}, {1, 2, 30}, {2, 0, 31}, {4, 3, 1}, {5, 2, 3}};
    for (int[] load : loads) {
      asm.word(Rv32Asm.i(load[1], 4, load[0], load[2], 0x03));
    }
    return asm;
  }

  /** The input {@link #everyRowKind(int)} reads from fd 0: four bytes. */
  public static byte[] everyRowKindInput() {
    return new byte[] {0x11, (byte) 0x82, 0x7f, 0x00};
  }

  /**
   * A row of every kind the RV32IM tables have, in few cycles: the operations, stores and loads of
   * {@link #everyOperation(int)}; every register-immediate operation; each branch comparison once
   * taken and once not; JAL, AUIPC and a JALR whose target has bit 0 set; read of
   * the four bytes of {@link #everyRowKindInput()} from fd 0; the phase marker, the precompile probe, keccak_f
   * on a zeroed state and one call of each 256-bit precompile (see {@link #secpCalls}); the journal and
   * console writes of everyOperation; exit 0. The random single-cell mutations run on it.
   */
  public static byte[] everyRowKind() {
    Rv32Asm asm = operationsStoresAndLoads();
    int[][] immediates = { // funct3, imm: addi, slti, sltiu, xori, ori, andi, slli, srli, srai
        {0, -7}, {2, 5}, {3, 5}, {4, 0x5a5}, {6, 0x0f0}, {7, 0x7ff}, {1, 3}, {5, 7}, {5, 0x400 | 7}};
    for (int[] op : immediates) {
      asm.word(Rv32Asm.i(op[1], 5, op[0], 7, 0x13));
    }
    // x5 is negative, x6 positive: each comparison taken (skipping one addi x0) and then not taken
    int[][] branches = { // funct3, rs1, rs2 (taken), rs1, rs2 (not taken)
        {0, 5, 5, 5, 6}, {1, 5, 6, 5, 5}, {4, 5, 6, 6, 5}, {5, 6, 5, 5, 6}, {6, 6, 5, 5, 6}, {7, 5, 6, 6, 5}};
    int nop = Rv32Asm.i(0, 0, 0, 0, 0x13);
    for (int[] b : branches) {
      asm.word(Rv32Asm.b(8, b[2], b[1], b[0])).word(nop).word(Rv32Asm.b(8, b[4], b[3], b[0])).word(nop);
    }
    // jal x1, +8; auipc x2, 0; jalr x3, 13(x2): to auipc + 12, bit 0 of the sum cleared
    asm.word(Rv32Asm.j(8, 1)).word(nop).auipc(2, 0).word(Rv32Asm.i(13, 2, 0, 3, 0x67)).word(nop);
    asm.li(10, 0).li(11, DATA + 0x400).li(12, everyRowKindInput().length).li(17, 63).ecall();
    asm.li(10, 0).li(17, 0x1000).ecall().li(17, 0x1001).ecall();
    asm.li(10, KECCAK_STATE).li(17, 0x1002).ecall();
    secpCalls(asm);
    asm.write(3, DATA, 4).write(1, DATA, 2).exit(0);
    return TinyElf.of(asm.words(), 0x1000);
  }

  /** Where {@link #secpCalls} keeps its 256-bit operands (32 bytes each, points 64). */
  private static final int SECP_OPERANDS = DATA + 0x600;

  /**
   * One call of each 256-bit precompile on small operands: mulmod256(3, 5, 7); secp256k1_double
   * of the point (1, 2) and secp256k1_add of (3, 4) to it (the chips check coordinates below p,
   * not the curve); invmod256_hint of 5 mod 7 and secp256k1_sqrt_hint of 4. Each answers 0.
   */
  private static void secpCalls(Rv32Asm asm) {
    int a = SECP_OPERANDS;
    int b = a + 32;
    int m = a + 64;
    int p = a + 96;
    int q = a + 160;
    int out = a + 224;
    int four = a + 256;
    int[][] values = {{a, 3}, {b, 5}, {m, 7}, {p, 1}, {p + 32, 2}, {q, 3}, {q + 32, 4}, {four, 4}};
    for (int[] v : values) {
      asm.li(4, v[0]).li(5, v[1]).word(Rv32Asm.s(0, 5, 4, 2));
    }
    asm.li(10, a).li(11, b).li(12, m).li(17, 0x1003).ecall();
    asm.li(10, p).li(17, 0x1005).ecall();
    asm.li(10, p).li(11, q).li(17, 0x1004).ecall();
    asm.li(10, out).li(11, b).li(12, m).li(17, 0x1006).ecall();
    asm.li(10, out).li(11, four).li(17, 0x1007).ecall();
  }

  /** Where {@link #keccakCalls} keeps its 200-byte state. */
  public static final int KECCAK_STATE = TinyElf.DATA + 0x100;

  /**
   * Probes the precompiles (x9 = the mask), stores 0x01 into the state's first byte and 0x80 into
   * its byte 135 (Keccak-256's padding of the empty message), calls keccak_f on it {@code calls}
   * times, loads its first word into x8 (a later load sees the result), writes the 200 bytes to
   * the journal and exits with the probe's answer.
   */
  public static byte[] keccakCalls(int calls) {
    Rv32Asm asm = new Rv32Asm().li(10, 0).li(17, 0x1001).ecall().addi(9, 10, 0)
        .li(4, KECCAK_STATE).addi(5, 0, 1).word(Rv32Asm.s(0, 5, 4, 0)).addi(5, 0, 0x80).word(Rv32Asm.s(135, 5, 4, 0));
    for (int i = 0; i < calls; i++) {
      asm.li(10, KECCAK_STATE).li(17, 0x1002).ecall();
    }
    asm.word(Rv32Asm.i(0, 4, 2, 8, 0x03)).write(3, KECCAK_STATE, 200);
    asm.addi(10, 9, 0).li(17, 93).ecall();
    return TinyElf.of(asm.words(), 0x1000);
  }

  /** Where {@link #precompileCalls} keeps its operands (64 bytes each) and, before them, its results. */
  public static final int OPERANDS = TinyElf.DATA + 0x400;
  /** Where {@link #precompileCalls} stores call i's a0 result: word i from here. */
  public static final int RESULTS = TinyElf.DATA + 0x300;

  /**
   * Probes the precompiles (x9 = the mask), stores operand k (up to 16 words) at OPERANDS + 64 k,
   * then makes each call {number, k0, k1, k2} with a0..a2 the addresses of operands k0..k2 and
   * stores its result at RESULTS + 4 i; writes the results and every operand to the journal and
   * exits with the probe's answer.
   */
  public static byte[] precompileCalls(int[][] operands, int[][] calls) {
    Rv32Asm asm = new Rv32Asm().li(10, 0).li(17, 0x1001).ecall().addi(9, 10, 0);
    for (int k = 0; k < operands.length; k++) {
      asm.li(4, OPERANDS + 64 * k);
      for (int w = 0; w < operands[k].length; w++) {
        asm.li(5, operands[k][w]).word(Rv32Asm.s(4 * w, 5, 4, 2));
      }
    }
    asm.li(4, RESULTS);
    for (int i = 0; i < calls.length; i++) {
      int[] c = calls[i];
      asm.li(10, OPERANDS + 64 * c[1]).li(11, OPERANDS + 64 * c[2]).li(12, OPERANDS + 64 * c[3]).li(17, c[0]).ecall()
          .word(Rv32Asm.s(4 * i, 10, 4, 2));
    }
    asm.write(3, RESULTS, 4 * calls.length).write(3, OPERANDS, 64 * operands.length);
    asm.addi(10, 9, 0).li(17, 93).ecall();
    return TinyElf.of(asm.words(), 0x1000);
  }
}

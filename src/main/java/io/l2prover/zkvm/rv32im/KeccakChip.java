package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.KeccakF1600;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The Keccak-f[1600] call (0x1002): 24 rows per call, one per round, the state as bits. A call's
 * first row takes the call off the precompile bus, checks the state pointer (aligned, the 200
 * bytes below 0xE0000000) and takes the 50 state words off the memory bus at 4 clk + 3; its last
 * row puts the 50 permuted words back at the same time. Between them each row proves one round
 * (θ, ρ, π, χ, ι, constraints of degree 3) and hands its output to the next row's input.
 *
 * <p>Row layout (per round, lanes x + 5y, bit z of a lane, bytes little-endian): {@code a} the
 * round's input as 200 bytes; {@code c} the column parities of a; {@code c_prime} c xor D, where
 * D[x] = c[x-1] xor rot(c[x+1], 1) is θ's mask; {@code a_prime} a xor D (θ's output) as 1600
 * bits; {@code chi00} χ's lane (0, 0) as bits, before ι; {@code out} the round's output bytes.
 * The bits of a are never stored: a byte of a is the sum of its bits a_prime xor c xor c_prime,
 * and that fixes c as a's true parity (the parity of a_prime over a column is c_prime).
 */
public final class KeccakChip extends Chip {

  /** The call number this chip proves. */
  public static final int CALL = 0x1002;
  /** Words of the state in memory. */
  public static final int WORDS = 50;
  static final int ROUNDS = KeccakF1600.ROUNDS;
  private static final int LANES = 25;

  private final List<Col> round = layout.cols("round", ROUNDS);
  private final Col active = layout.col("active");
  private final Col start = layout.col("start");
  private final Col finish = layout.col("finish");
  private final Col clk = layout.col("clk");
  private final Col pointer = layout.col("state_word_address");
  private final PrecompileCall call = new PrecompileCall(layout);
  private final Col quarter = layout.col("state_byte0_div4");
  private final Word stateEnd = layout.word("state_end");
  private final List<Access> reads = new ArrayList<>();
  private final List<Col> a;
  private final List<Col> c;
  private final List<Col> cPrime;
  private final List<Col> aPrime;
  private final List<Col> chi00;
  private final List<Col> out;

  public KeccakChip() {
    super("keccak");
    for (int w = 0; w < WORDS; w++) {
      reads.add(new Access(layout, "state" + w));
    }
    a = layout.cols("a", LANES * 8);
    c = layout.cols("c", 5 * 64);
    cPrime = layout.cols("c_prime", 5 * 64);
    aPrime = layout.cols("a_prime", LANES * 64);
    chi00 = layout.cols("chi00", 64);
    out = layout.cols("out", LANES * 8);
    rounds();
    callAndMemory();
    permutationRound();
  }

  /** The round flags rotate through 0..23 from the first row; a call is 24 rows, active throughout. */
  private void rounds() {
    Expr one = Expr.constant(1);
    for (int r = 0; r < ROUNDS; r++) {
      requireFirst("the first row is round 0, flag " + r, round.get(r).cur().minus(r == 0 ? 1 : 0));
      requireTransition("the next round, flag " + r, round.get(r).next().minus(round.get((r + ROUNDS - 1) % ROUNDS).cur()));
    }
    Expr last = round.get(ROUNDS - 1).cur();
    requireBoolean(active);
    require("a call starts on its round 0", start.cur().minus(active.cur().times(round.get(0).cur())));
    require("a call finishes on its round 23", finish.cur().minus(active.cur().times(last)));
    Expr within = one.minus(last);
    requireTransition("a call is active on all its rounds", within.times(active.next().minus(active.cur())));
    requireTransition("calls come first", one.minus(active.cur()).times(active.next()));
    requireLast("the table ends with a call's last round or padding", active.cur().times(within));
    requireTransition("one call, one clk", within.times(clk.next().minus(clk.cur())));
    requireTransition("one call, one state", within.times(pointer.next().minus(pointer.cur())));
  }

  /** The call from the ecall chip, the pointer's checks, and the state's access in memory. */
  private void callAndMemory() {
    Expr first = start.cur();
    call.receive(this, first, clk.cur(), CALL, List.of(Expr.constant(0), Expr.constant(0), Expr.constant(0), Expr.constant(0)));
    Word a0 = call.a0();
    // a0 = 4 q (q a byte, so 4q < p and the equation holds over the integers): the state is aligned.
    require("the state is word aligned", first.times(a0.b(0).minus(quarter.cur().times(4))));
    send("the state starts below 0xE0000000", Bus.BYTE, first,
        tuple(ByteOp.RANGE.id(), quarter.cur(), a0.b(3).plus(32), 0));
    send("the state's last word", Bus.ALU, first,
        tuple(AluOp.ADD.id(), a0.exprs(), 4 * (WORDS - 1), 0, 0, 0, stateEnd.exprs()));
    send("the state ends below 0xE0000000", Bus.BYTE, first, tuple(ByteOp.RANGE.id(), stateEnd.b(3).plus(32), 0, 0));
    require("the state's word address", first.times(pointer.cur().minus(quarter.cur().plus(a0.b(1).times(1 << 6))
        .plus(a0.b(2).times(1 << 14)).plus(a0.b(3).times(1 << 22)))));
    Expr ts = clk.cur().times(4).plus(3);
    for (int w = 0; w < WORDS; w++) {
      Expr address = pointer.cur().plus(w);
      reads.get(w).take(this, "state word " + w, first, address, word(a, w), ts);
      Access.put(this, "state word " + w + " permuted", finish.cur(), address, word(out, w), ts);
    }
  }

  /** Word {@code w} of a 200-byte state held as byte columns: bytes 4w..4w+3. */
  private static List<Expr> word(List<Col> bytes, int w) {
    List<Expr> out = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      out.add(bytes.get(4 * w + i).cur());
    }
    return out;
  }

  private void permutationRound() {
    for (Col bit : c) {
      requireBoolean(bit);
    }
    for (Col bit : aPrime) {
      requireBoolean(bit);
    }
    for (Col bit : chi00) {
      requireBoolean(bit);
    }
    for (int x = 0; x < 5; x++) {
      for (int z = 0; z < 64; z++) {
        Expr mask = xor3(bit(c, x, z), bit(c, (x + 4) % 5, z), bit(c, (x + 1) % 5, (z + 63) % 64));
        require("theta: c_prime is c xor D, x " + x + " z " + z, bit(cPrime, x, z).minus(mask));
        Expr parity = Expr.constant(0);
        for (int y = 0; y < 5; y++) {
          parity = parity.plus(bit(aPrime, x + 5 * y, z));
        }
        Expr d = parity.minus(bit(cPrime, x, z));
        require("theta: a_prime's column parity is c_prime, x " + x + " z " + z, d.times(d.minus(2)).times(d.minus(4)));
      }
    }
    for (int lane = 0; lane < LANES; lane++) {
      int x = lane % 5;
      for (int j = 0; j < 8; j++) {
        Expr value = Expr.constant(0);
        for (int k = 0; k < 8; k++) {
          int z = 8 * j + k;
          value = value.plus(xor3(bit(aPrime, lane, z), bit(c, x, z), bit(cPrime, x, z)).times(1 << k));
        }
        require("theta: the input is a_prime xor c xor c_prime, lane " + lane + " byte " + j,
            a.get(8 * lane + j).cur().minus(value));
      }
    }
    Expr[][] b = rhoPi();
    for (int lane = 0; lane < LANES; lane++) {
      int x = lane % 5;
      int y = lane / 5;
      for (int j = 0; j < 8; j++) {
        Expr value = Expr.constant(0);
        for (int k = 0; k < 8; k++) {
          int z = 8 * j + k;
          Expr chi = xor2(b[lane][z], Expr.constant(1).minus(b[(x + 1) % 5 + 5 * y][z]).times(b[(x + 2) % 5 + 5 * y][z]));
          if (lane == 0) {
            require("chi of lane 0, bit " + z, chi00.get(z).cur().minus(chi));
            chi = xor2(chi00.get(z).cur(), roundConstantBit(z));
          }
          value = value.plus(chi.times(1 << k));
        }
        require("chi and iota: the output, lane " + lane + " byte " + j, out.get(8 * lane + j).cur().minus(value));
        requireTransition("the next round's input, lane " + lane + " byte " + j,
            Expr.constant(1).minus(round.get(ROUNDS - 1).cur()).times(a.get(8 * lane + j).next().minus(out.get(8 * lane + j).cur())));
      }
    }
  }

  /** B = π(ρ(a_prime)): lane (y, 2x + 3y) of B is lane (x, y) of a_prime rotated left by ρ's offset. */
  private Expr[][] rhoPi() {
    Expr[][] b = new Expr[LANES][64];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        int from = x + 5 * y;
        int to = y + 5 * ((2 * x + 3 * y) % 5);
        int rotation = KeccakF1600.rotation(from);
        for (int z = 0; z < 64; z++) {
          b[to][z] = bit(aPrime, from, (z - rotation + 64) % 64);
        }
      }
    }
    return b;
  }

  /** Bit z of ι's constant on this row: the sum of the round flags whose constant has it. */
  private Expr roundConstantBit(int z) {
    Expr bit = Expr.constant(0);
    for (int r = 0; r < ROUNDS; r++) {
      if ((KeccakF1600.roundConstant(r) >>> z & 1) != 0) {
        bit = bit.plus(round.get(r).cur());
      }
    }
    return bit;
  }

  private static Expr bit(List<Col> bits, int lane, int z) {
    return bits.get(64 * lane + z).cur();
  }

  private static Expr xor2(Expr p, Expr q) {
    return p.plus(q).minus(p.times(q).times(2));
  }

  private static Expr xor3(Expr p, Expr q, Expr r) {
    return p.plus(q).plus(r).minus(p.times(q).plus(p.times(r)).plus(q.times(r)).times(2)).plus(p.times(q).times(r).times(4));
  }

  @Override
  public boolean mayBeAbsent() {
    return true;
  }

  /**
   * One call as the trace builder saw it.
   *
   * @param state the 50 words at a0 before the call
   * @param prevTs the previous access time of each word
   */
  public record Event(long clk, int a0, int a1, int a2, int[] state, long[] prevTs) {}

  /** The table: 24 rows per call, then rounds of the zero state; no rows at all without a call. */
  public ChipTrace trace(List<Event> events) {
    if (events.isEmpty()) {
      return ChipTrace.absent(this);
    }
    TraceTable t = new TraceTable(mainWidth(), TraceTable.heightFor(ROUNDS * events.size(), 1));
    long[] lanes = new long[LANES];
    for (int row = 0; row < t.rows(); row++) {
      int r = row % ROUNDS;
      int k = row / ROUNDS;
      if (r == 0) {
        java.util.Arrays.fill(lanes, 0);
        if (k < events.size()) {
          int[] s = events.get(k).state();
          for (int i = 0; i < LANES; i++) {
            lanes[i] = Integer.toUnsignedLong(s[2 * i]) | (long) s[2 * i + 1] << 32;
          }
        }
      }
      t.set(round.get(r), row, true);
      if (k < events.size()) {
        Event e = events.get(k);
        t.set(active, row, true);
        t.set(start, row, r == 0);
        t.set(finish, row, r == ROUNDS - 1);
        t.set(clk, row, e.clk());
        t.set(pointer, row, e.a0() >>> 2);
        if (r == 0) {
          call.fill(t, row, e.a0(), e.a1(), e.a2());
          t.set(quarter, row, (e.a0() & 0xff) >>> 2);
          t.set(stateEnd, row, e.a0() + 4 * (WORDS - 1));
          for (int w = 0; w < WORDS; w++) {
            reads.get(w).fill(t, row, 4 * e.clk() + 3, e.prevTs()[w]);
          }
        }
      }
      fillRound(t, row, lanes, r);
    }
    return new ChipTrace(this, new int[0][], t.columns(), new int[0]);
  }

  /** Fills one round's columns from its input {@code lanes}, which it replaces by the output. */
  private void fillRound(TraceTable t, int row, long[] lanes, int r) {
    long[] parity = new long[5];
    for (int lane = 0; lane < LANES; lane++) {
      parity[lane % 5] ^= lanes[lane];
      setBytes(t, a, row, lane, lanes[lane]);
    }
    long[] mask = new long[5];
    for (int x = 0; x < 5; x++) {
      mask[x] = parity[(x + 4) % 5] ^ Long.rotateLeft(parity[(x + 1) % 5], 1);
      setBits(t, c, row, x, parity[x]);
      setBits(t, cPrime, row, x, parity[x] ^ mask[x]);
    }
    long[] b = new long[LANES];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        long theta = lanes[x + 5 * y] ^ mask[x];
        setBits(t, aPrime, row, x + 5 * y, theta);
        b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(theta, KeccakF1600.rotation(x + 5 * y));
      }
    }
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; x++) {
        lanes[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
      }
    }
    setBits(t, chi00, row, 0, lanes[0]);
    lanes[0] ^= KeccakF1600.roundConstant(r);
    for (int lane = 0; lane < LANES; lane++) {
      setBytes(t, out, row, lane, lanes[lane]);
    }
  }

  private static void setBits(TraceTable t, List<Col> bits, int row, int lane, long value) {
    for (int z = 0; z < 64; z++) {
      t.set(bits.get(64 * lane + z), row, (value >>> z & 1) != 0);
    }
  }

  private static void setBytes(TraceTable t, List<Col> bytes, int row, int lane, long value) {
    for (int j = 0; j < 8; j++) {
      t.set(bytes.get(8 * lane + j), row, (value >>> (8 * j)) & 0xff);
    }
  }

  /** The ALU operation each call asks for: the address of the state's last word. */
  public static void requests(List<Event> events, AluEvents requests) {
    for (Event e : events) {
      requests.add(AluOp.ADD, e.a0(), 4 * (WORDS - 1));
    }
  }
}

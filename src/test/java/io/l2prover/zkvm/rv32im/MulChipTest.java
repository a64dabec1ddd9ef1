package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.stark.air.DebugChecker;
import java.util.List;
import org.junit.jupiter.api.Test;

class MulChipTest {

  private final MulChip mul = new MulChip();

  private List<ChipTrace> alone(MulChip.Row row) {
    return List.of(mul.traceRows(List.of(row)));
  }

  @Test
  void eachOperationProvesItsKnownAnswers() {
    // From the M-extension: the high words of -1·-1, -1·(2^32-1) and (2^32-1)² under each signedness.
    int[][] cases = {
        {AluOp.MUL.id(), -1, -1, 1}, {AluOp.MULH.id(), -1, -1, 0}, {AluOp.MULHSU.id(), -1, -1, -1},
        {AluOp.MULHU.id(), -1, -1, -2}, {AluOp.MULH.id(), 0x80000000, 0x80000000, 0x40000000},
        {AluOp.MULHSU.id(), 0x80000000, 0xffffffff, 0x80000000}, {AluOp.MULHU.id(), 0x80000000, 2, 1},
        {AluOp.MUL.id(), 0x12345678, 0x9abcdef0, 0x242d2080}};
    for (int[] c : cases) {
      AluOp op = AluOp.values()[c[0] - 1];
      assertThat(op.apply(c[1], c[2])).as(op.name()).isEqualTo(c[3]);
      MulChip.Row row = MulChip.Row.honest(new AluEvent(op, c[1], c[2]));
      assertThat(AluCheck.checkClaim(alone(row), op, c[1], c[2], c[3])).as(op.name()).isEmpty();
    }
  }

  @Test
  void mulhWithTheWrongSignOfBIsCaughtByTheSignLookup() {
    // -5 · -7 claimed as -5 · (2^32 - 7): the product chain is consistent, the sign bit is not.
    MulChip.Row honest = MulChip.Row.honest(new AluEvent(AluOp.MULH, -5, -7));
    MulChip.Row forged = new MulChip.Row(AluOp.MULH, -5, -7, 1, 0, -5L * Integer.toUnsignedLong(-7));
    assertThat(forged.result()).isNotEqualTo(honest.result());
    assertThat(AluCheck.checkClaim(alone(forged), AluOp.MULH, -5, -7, forged.result()))
        .hasValueSatisfying(m -> assertThat(m).contains("bus BYTE tuple [4, 255, 0, "));
  }

  @Test
  void mulhuWithASignSetIsCaughtByAConstraint() {
    MulChip.Row forged = new MulChip.Row(AluOp.MULHU, -1, 3, 1, 0, -3L);
    assertThat(AluCheck.checkClaim(alone(forged), AluOp.MULHU, -1, 3, forged.result()))
        .hasValueSatisfying(m -> assertThat(m).contains("a unsigned unless MULH or MULHSU"));
  }

  @Test
  void aProductOffByOneNeedsACarryOutOfRange() {
    // The prover claims MULHU(a, b) one too high; the byte equations can still be met in the
    // field, but only with carries that are not below 2^16, which the byte table refuses.
    int a = 0xdeadbeef;
    int b = 0xcafebabe;
    MulChip.Row honest = MulChip.Row.honest(new AluEvent(AluOp.MULHU, a, b));
    MulChip.Row forged = new MulChip.Row(AluOp.MULHU, a, b, 0, 0, honest.product() + (1L << 32));
    ChipTrace t = mul.traceRows(List.of(forged));
    assertThat(DebugChecker.checkMain(mul, t.preprocessed(), t.main(), t.publicValues()))
        .as("the field equations hold").isEmpty();
    int carry4 = mul.columnNames().indexOf("product_carry_hi[4]");
    assertThat(t.main()[carry4][0]).as("carry 4 is no 16-bit value").isGreaterThan(255);
    assertThat(AluCheck.checkClaim(List.of(t), AluOp.MULHU, a, b, forged.result()))
        .hasValueSatisfying(m -> assertThat(m).contains("bus BYTE"));
  }

  @Test
  void aProductByteOutOfRangeIsCaughtByItsRangeCheck() {
    // Byte 4 shown as 256 more, byte 5 one less and carry 4 one less: every equation still holds,
    // and even a bus partner that took the non-byte word would not help, as byte 4 is no byte.
    int a = 0xf1f2f3f4;
    int b = 0xe5e6e7e8;
    MulChip.Row honest = MulChip.Row.honest(new AluEvent(AluOp.MULHU, a, b));
    ChipTrace t = mul.traceRows(List.of(honest));
    int[][] m = t.main();
    int p4 = mul.columnNames().indexOf("product[4]");
    int p5 = mul.columnNames().indexOf("product[5]");
    int carryLo4 = mul.columnNames().indexOf("product_carry_lo[4]");
    assertThat(m[p5][0]).isGreaterThan(0);
    assertThat(m[carryLo4][0]).isGreaterThan(0);
    m[p4][0] += 256;
    m[p5][0] -= 1;
    m[carryLo4][0] -= 1;
    assertThat(DebugChecker.checkMain(mul, t.preprocessed(), t.main(), t.publicValues())).isEmpty();
    int[] tuple = AluCheck.request(AluOp.MULHU, a, b, honest.result()).values();
    tuple[9] += 256;
    tuple[10] -= 1;
    var skewed = new BusBalance.PublicTerm(Bus.ALU, 1, tuple);
    assertThat(ChipCheck.check(AluCheck.withByteTable(List.of(t)), List.of(skewed)))
        .hasValueSatisfying(msg -> assertThat(msg).contains("bus BYTE tuple [0, 429, 142, 0]"));
  }
}

package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DivRemChipTest {

  private static final int MIN = Integer.MIN_VALUE;

  private final DivRemChip div = new DivRemChip();

  private Optional<String> check(DivRemChip.Row row) {
    return AluCheck.checkClaim(List.of(div.traceRows(List.of(row))), row.op(), row.a(), row.b(), row.result());
  }

  private static DivRemChip.Row forged(AluOp op, int a, int b, int q, int r) {
    return new DivRemChip.Row(op, a, b, q, r, false);
  }

  @Test
  void theMExtensionTableOfSpecialCases() {
    // Division by zero and signed overflow, from the RISC-V unprivileged ISA's M-extension table.
    int x = 0x1234abcd;
    int[][] cases = {
        {AluOp.DIVU.id(), x, 0, -1}, {AluOp.REMU.id(), x, 0, x}, {AluOp.DIV.id(), x, 0, -1}, {AluOp.REM.id(), x, 0, x},
        {AluOp.DIV.id(), -x, 0, -1}, {AluOp.REM.id(), -x, 0, -x}, {AluOp.DIV.id(), MIN, -1, MIN},
        {AluOp.REM.id(), MIN, -1, 0}, {AluOp.DIVU.id(), MIN, -1, 0}, {AluOp.REMU.id(), MIN, -1, MIN},
        {AluOp.DIV.id(), -7, 2, -3}, {AluOp.REM.id(), -7, 2, -1}, {AluOp.DIV.id(), 7, -2, -3},
        {AluOp.REM.id(), 7, -2, 1}, {AluOp.DIV.id(), -7, -2, 3}, {AluOp.REM.id(), -7, -2, -1},
        {AluOp.DIV.id(), MIN, 1, MIN}, {AluOp.DIV.id(), MIN, MIN, 1}, {AluOp.REM.id(), 0x7fffffff, MIN, 0x7fffffff},
        {AluOp.DIVU.id(), -1, 1, -1}, {AluOp.REMU.id(), -1, -2, 1}, {AluOp.DIV.id(), 0, 0, -1}};
    for (int[] c : cases) {
      AluOp op = AluOp.values()[c[0] - 1];
      assertThat(op.apply(c[1], c[2])).as("%s(%x, %x)", op, c[1], c[2]).isEqualTo(c[3]);
      DivRemChip.Row row = DivRemChip.Row.honest(new AluEvent(op, c[1], c[2]));
      assertThat(check(row)).as("%s(%x, %x)", op, c[1], c[2]).isEmpty();
    }
  }

  @Test
  void aRemainderAsLargeAsTheDivisorIsCaught() {
    // 100 = 7·13 + 9 = 7·14 + 2: the identity holds for both, only |r| < |b| tells them apart.
    assertThat(check(forged(AluOp.DIVU, 100, 7, 13, 9))).hasValueSatisfying(m -> assertThat(m).contains("|r| < |b|"));
    assertThat(check(forged(AluOp.REM, -100, 7, -13, -9))).hasValueSatisfying(m -> assertThat(m).contains("|r| < |b|"));
    assertThat(check(forged(AluOp.DIV, 100, -7, -13, 9))).hasValueSatisfying(m -> assertThat(m).contains("|r| < |b|"));
    // r = b exactly: the gap would be -1.
    assertThat(check(forged(AluOp.REMU, 98, 7, 13, 7))).hasValueSatisfying(m -> assertThat(m).contains("|r| < |b|"));
    assertThat(check(forged(AluOp.REMU, 0xfffffff0, 0x80000000, 0, 0xfffffff0))).isPresent();
  }

  @Test
  void aRemainderOfTheWrongSignIsCaught() {
    // -7 = 2·-4 + 1 with |1| < 2, but the remainder of a negative dividend may not be positive.
    assertThat(check(forged(AluOp.REM, -7, 2, -4, 1)))
        .hasValueSatisfying(m -> assertThat(m).contains("a negative dividend has a remainder that is 0 or negative"));
    // 7 = -2·-4 + -1: a negative remainder of a positive dividend.
    assertThat(check(forged(AluOp.REM, 7, -2, -4, -1)))
        .hasValueSatisfying(m -> assertThat(m).contains("a negative remainder has a negative dividend"));
  }

  @Test
  void divisionByZeroWithAnotherQuotientIsCaught() {
    // 0·q + a = a holds for every q: only the rule for b = 0 pins q.
    assertThat(check(forged(AluOp.DIVU, 1234, 0, 5, 1234)))
        .hasValueSatisfying(m -> assertThat(m).contains("quotient byte 0 is 255 when b = 0"));
    assertThat(check(forged(AluOp.DIV, -1234, 0, 1, -1234)))
        .hasValueSatisfying(m -> assertThat(m).contains("is 255 when b = 0"));
    // And the identity pins r = a.
    assertThat(check(forged(AluOp.REMU, 1234, 0, -1, 1233))).isPresent();
  }

  @Test
  void theOverflowFlagIsNeitherOptionalNorAvailableElsewhere() {
    // Without the flag no quotient fits -2^31 / -1 (the true one, 2^31, is not a signed word).
    assertThat(check(forged(AluOp.DIV, MIN, -1, MIN, 0))).isPresent();
    assertThat(check(forged(AluOp.DIV, MIN, -1, 0x7fffffff, -1))).isPresent();
    // With it, the unsigned division would have a + 2^32 = b·1 + (2^31 + 1) to offer.
    DivRemChip.Row unsigned = new DivRemChip.Row(AluOp.DIVU, MIN, -1, 1, MIN + 1, true);
    assertThat(check(unsigned)).hasValueSatisfying(m -> assertThat(m).contains("overflow only when signed"));
    // And with other operands.
    DivRemChip.Row other = new DivRemChip.Row(AluOp.DIV, MIN, -2, 0x40000000, 0, true);
    assertThat(check(other)).hasValueSatisfying(m -> assertThat(m).contains("overflow only for b = -1"));
  }

  @Test
  void aQuotientThatOnlyFitsTheLowWordIsCaught() {
    // 2·q ≡ 6 (mod 2^32) has two solutions, q = 3 and q = 3 + 2^31: a check of the low word
    // alone would take either; the high word of the 64-bit identity rules the second out.
    assertThat(check(forged(AluOp.DIVU, 6, 2, 3 + MIN, 0))).hasValueSatisfying(m -> assertThat(m).contains("bus BYTE"));
    assertThat(check(forged(AluOp.DIV, 6, 2, 3 + MIN, 0))).isPresent();
  }
}

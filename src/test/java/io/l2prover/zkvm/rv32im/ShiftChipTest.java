package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShiftChipTest {

  private final ShiftChip shift = new ShiftChip();
  private final MulChip mul = new MulChip();

  /** The shift rows' traces, the MulChip proving the multiplications they ask for, and the CPU's claim. */
  private Optional<String> check(ShiftChip.Row row, int claimed) {
    AluEvents requests = new AluEvents();
    List<ChipTrace> tables = new ArrayList<>();
    tables.add(shift.traceRows(List.of(row), requests));
    tables.add(mul.trace(requests.of(mul.ops()), new AluEvents()));
    return AluCheck.checkClaim(tables, row.op(), row.a(), row.b(), claimed);
  }

  @Test
  void knownAnswersIncludingAmountsWithHighBits() {
    int[][] cases = {
        {AluOp.SLL.id(), 1, 33, 2}, {AluOp.SLL.id(), 1, 31, 0x80000000}, {AluOp.SLL.id(), 0x12345678, 0xffffffe4, 0x23456780},
        {AluOp.SRL.id(), 0x80000000, 31, 1}, {AluOp.SRL.id(), 0x80000000, 32, 0x80000000},
        {AluOp.SRA.id(), 0x80000000, 0xffffffff, -1}, {AluOp.SRA.id(), -8, 1, -4}, {AluOp.SRA.id(), -8, 0x40, -8},
        {AluOp.SRA.id(), 0x7fffffff, 30, 1}, {AluOp.SRL.id(), -1, 0, -1}};
    for (int[] c : cases) {
      AluOp op = AluOp.values()[c[0] - 1];
      assertThat(op.apply(c[1], c[2])).as(op.name()).isEqualTo(c[3]);
      assertThat(check(ShiftChip.Row.honest(new AluEvent(op, c[1], c[2])), c[3])).as(op.name()).isEmpty();
    }
  }

  @Test
  void anAmountOtherThanTheLowFiveBitsOfBIsCaughtByTheAndLookup() {
    // b = 0x21 shifts by 1. A prover showing a shift by 2 in a trace consistent in every other
    // respect (exponent bits, multiplier, the MUL it asks for) fails only at (AND, 0x21, 31, 2).
    int a = 0x0f0f0f0f;
    ShiftChip.Row forged = new ShiftChip.Row(AluOp.SLL, a, 0x21, 2, a << 2);
    assertThat(check(forged, a << 2)).hasValueSatisfying(m -> assertThat(m).contains("bus BYTE tuple [1, 33, 31, 2]"));
  }

  @Test
  void anAmountWithItsSixthBitSetCannotBeShown() {
    // Shifting 1 left by 33 "without the mask" would give 0: the amount 33 has no five-bit exponent.
    ShiftChip.Row forged = new ShiftChip.Row(AluOp.SLL, 1, 33, 33, 0);
    assertThat(check(forged, 0)).isPresent();
  }

  @Test
  void sraOfANegativeValueClaimedAsALogicalShiftIsCaught() {
    int a = 0x80000010;
    assertThat(check(ShiftChip.Row.honest(new AluEvent(AluOp.SRA, a, 4)), 0xf8000001)).isEmpty();
    ShiftChip.Row forged = new ShiftChip.Row(AluOp.SRA, a, 4, 4, a >>> 4);
    assertThat(check(forged, a >>> 4)).hasValueSatisfying(m -> assertThat(m).contains("bus ALU"));
  }

  @Test
  void aRightShiftByZeroClaimedAsTheMultiplicationsAnswerIsCaught() {
    // MULHSU(a, 2^0) is the sign word of a, not a: a right shift by 0 must return a itself.
    int a = -5;
    ShiftChip.Row forged = new ShiftChip.Row(AluOp.SRA, a, 32, 0, -1);
    assertThat(check(forged, -1)).hasValueSatisfying(m -> assertThat(m).contains("right shift by zero keeps byte 0"));
  }
}

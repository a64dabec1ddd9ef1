package io.l2prover.zkvm.stark.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityReportTest {

  /** A CPU-like table: 120 main columns, degree 3, 80 constraints, 24 lookups of up to 6 values. */
  private static SecurityReport.TableShape wide(int logRows) {
    int aux = 4 * (12 + 1);
    int next = 120 + aux;
    return new SecurityReport.TableShape(logRows, 3, 80 + 15, next + 8, next, 24, 6);
  }

  @Test
  void aDefaultSegmentOfTenTablesAtTwoToTheTwentyHasAHundredBits() {
    SecurityReport report = SecurityReport.of(FriParameters.DEFAULT, Collections.nCopies(10, wide(20)), 64);
    assertThat(report.minimumBits()).as(report.toString()).isGreaterThanOrEqualTo(100);
    assertThat(report.terms()).extracting(SecurityReport.Term::name).contains("FRI queries", "FRI folding",
        "DEEP batching (γ)", "out-of-domain (ζ)", "constraint batching (α)", "LogUp (z, β)");
  }

  @Test
  void termsFallWithTheHeightAndTheGrinding() {
    SecurityReport small = SecurityReport.of(FriParameters.DEFAULT, List.of(wide(12)), 0);
    SecurityReport tall = SecurityReport.of(FriParameters.DEFAULT, Collections.nCopies(10, wide(24)), 0);
    FriParameters noGrinding = new FriParameters(2, 42, 16, 3, 2, 0);
    SecurityReport ungrounded = SecurityReport.of(noGrinding, Collections.nCopies(10, wide(20)), 0);
    assertThat(bits(tall, "LogUp (z, β)")).isLessThan(bits(small, "LogUp (z, β)"));
    assertThat(bits(tall, "FRI folding")).isLessThan(bits(small, "FRI folding"));
    // Without the challenge grinding, ten 2^20-row tables are below 100 bits in the height-dependent terms.
    assertThat(ungrounded.minimumBits()).as(ungrounded.toString()).isLessThan(100);
    // The query term alone does not depend on the tables.
    assertThat(bits(tall, "FRI queries")).isEqualTo(bits(small, "FRI queries")).isEqualTo(108);
  }

  @Test
  void theUnionOfProofsAddsTheirErrorsTermByTerm() {
    SecurityReport one = SecurityReport.of(FriParameters.DEFAULT, List.of(wide(16)), 0);
    SecurityReport other = SecurityReport.of(FriParameters.DEFAULT, List.of(wide(20)), 0);
    SecurityReport twice = SecurityReport.union(List.of(one, one));
    SecurityReport both = SecurityReport.union(List.of(one, other));
    for (SecurityReport.Term t : one.terms()) {
      assertThat(bits(twice, t.name())).isCloseTo(t.bits() - 1, org.assertj.core.data.Offset.offset(1e-9));
      double expected = -Math.log(Math.pow(2, -t.bits()) + Math.pow(2, -bits(other, t.name()))) / Math.log(2);
      assertThat(bits(both, t.name())).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(both.minimumBits()).isLessThan(Math.min(one.minimumBits(), other.minimumBits()));
  }

  private static double bits(SecurityReport r, String name) {
    return r.terms().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().bits();
  }
}

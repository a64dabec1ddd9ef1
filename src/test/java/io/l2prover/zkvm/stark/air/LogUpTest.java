package io.l2prover.zkvm.stark.air;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogUpTest {

  private static LogUp.Interaction lookup(String name, Scope scope, Expr... values) {
    return new LogUp.Interaction(name, 3, Expr.constant(1), List.of(values), scope);
  }

  @Test
  void interactionsAreGroupedWithinTheDegreeBound() {
    List<LogUp.Interaction> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(lookup("v" + i, Scope.LOCAL, main(i)));
    }
    LogUp two = new LogUp(six, 3);
    LogUp three = new LogUp(six, 4);
    LogUp single = new LogUp(six, 2);
    assertThat(two.groupCount()).isEqualTo(3);
    assertThat(three.groupCount()).isEqualTo(2);
    assertThat(single.groupCount()).isEqualTo(6);
    for (LogUp l : List.of(two, three, single)) {
      assertThat(l.width()).isEqualTo(l.groupCount() + 1);
      for (Constraint c : l.constraints()) {
        assertThat(c.degree()).as(c.name()).isLessThanOrEqualTo(l == single ? 2 : l == two ? 3 : 4);
      }
    }
    // A degree-2 value tuple (fingerprint degree 2) is never grouped under bound 3.
    LogUp wide = new LogUp(List.of(lookup("sq", Scope.LOCAL, main(0).times(main(1))), lookup("x", Scope.LOCAL, main(2))), 3);
    assertThat(wide.groupCount()).isEqualTo(2);
  }

  @Test
  void eachScopeHasItsOwnAccumulatorAndClaimedSum() {
    LogUp both = new LogUp(List.of(lookup("a", Scope.GLOBAL, main(0)), lookup("b", Scope.LOCAL, main(1)),
        lookup("c", Scope.GLOBAL, main(2))));
    assertThat(both.sumScopes()).containsExactly(Scope.LOCAL, Scope.GLOBAL);
    assertThat(both.auxPublicCount()).isEqualTo(2);
    assertThat(both.groupCount()).isEqualTo(2); // b alone, then a and c together
    int[][] main = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    Ext4 z = new Ext4(7, 1, 2, 3);
    Ext4 beta = new Ext4(11, 5, 0, 1);
    AuxTrace aux = both.build(new int[0][], main, new Ext4[] {z, beta});
    Ext4 local = Ext4.ZERO;
    Ext4 global = Ext4.ZERO;
    for (int r = 0; r < 4; r++) {
      local = local.add(term(3, main[1][r], z, beta));
      global = global.add(term(3, main[0][r], z, beta)).add(term(3, main[2][r], z, beta));
    }
    assertThat(aux.auxPublics()).containsExactly(local, global);
  }

  private static Ext4 term(int bus, int v, Ext4 z, Ext4 beta) {
    return z.sub(LogUp.fingerprint(bus, new int[] {v}, beta)).inv();
  }

  @Test
  void theFingerprintEncodesBusAndLength() {
    Ext4 beta = new Ext4(3, 1, 4, 1);
    assertThat(LogUp.fingerprint(1, new int[] {5}, beta)).isNotEqualTo(LogUp.fingerprint(1, new int[] {5, 0}, beta));
    assertThat(LogUp.fingerprint(1, new int[] {5}, beta)).isNotEqualTo(LogUp.fingerprint(2, new int[] {5}, beta));
    // bus + β·len + β²·v0 + β³·v1
    Ext4 expected = Ext4.of(1).add(beta.mul(2)).add(beta.mul(beta).mul(5)).add(beta.mul(beta).mul(beta).mul(6));
    assertThat(LogUp.fingerprint(1, new int[] {5, 6}, beta)).isEqualTo(expected);
  }

  @Test
  void theConstraintDigestSeesEveryChange() {
    MemoryAir air = new MemoryAir();
    assertThat(ConstraintDigest.of(air)).isEqualTo(ConstraintDigest.of(new MemoryAir()));
    LogUp a = new LogUp(List.of(lookup("a", Scope.LOCAL, main(0))));
    LogUp b = new LogUp(List.of(lookup("a", Scope.GLOBAL, main(0))));
    assertThat(digestOf(a)).isNotEqualTo(digestOf(b));
    assertThat(digestOf(a)).isNotEqualTo(digestOf(new LogUp(List.of(lookup("a", Scope.LOCAL, main(1))))));
  }

  private static io.l2prover.zkvm.stark.poseidon2.Digest digestOf(LogUp logUp) {
    return ConstraintDigest.of(new Air() {
      @Override
      public String name() {
        return "t";
      }

      @Override
      public int preprocessedWidth() {
        return 0;
      }

      @Override
      public int mainWidth() {
        return 2;
      }

      @Override
      public int publicValueCount() {
        return 0;
      }

      @Override
      public List<Constraint> constraints() {
        return List.of();
      }

      @Override
      public java.util.Optional<AuxPhase> auxPhase() {
        return java.util.Optional.of(logUp);
      }
    });
  }
}

package io.l2prover.zkvm.stark.air;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static io.l2prover.zkvm.stark.air.Expr.mainNext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.examples.RangeCheckAir;
import java.util.List;
import org.junit.jupiter.api.Test;

class AirFrameworkTest {

  @Test
  void degreesCountColumnsAndSelectors() {
    Expr x = main(0);
    assertThat(x.times(x).times(x).minus(5).degree()).isEqualTo(3);
    assertThat(x.plus(new Expr.Challenge(0)).degree()).isEqualTo(1);
    assertThat(Constraint.everyRow("e", x.times(x)).degree()).isEqualTo(2);
    assertThat(Constraint.transition("t", mainNext(0).minus(x.times(x))).degree()).isEqualTo(3);
  }

  @Test
  void exampleAirsHaveTheExpectedQuotientSplit() {
    assertThat(new FibonacciAir().quotientChunks()).isEqualTo(1);
    // Five single-column lookups batched two per column: h·(z − fp1)(z − fp2) − … has degree 3.
    assertThat(new RangeCheckAir().maxConstraintDegree()).isEqualTo(3);
    assertThat(new RangeCheckAir().quotientChunks()).isEqualTo(2);
    assertThat(new RangeCheckAir().auxWidth()).isEqualTo(3 + 1);
    assertThat(new MemoryAir().maxConstraintDegree()).isEqualTo(4);
    assertThat(new MemoryAir().quotientChunks()).isEqualTo(3);
  }

  @Test
  void onlyTransitionsMayReadTheNextRow() {
    assertThatThrownBy(() -> Constraint.everyRow("bad", mainNext(0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad' reads the next row");
    assertThatThrownBy(() -> mainNext(0).shifted()).isInstanceOf(IllegalArgumentException.class);
    assertThat(main(1).plus(main(2)).shifted().readsNextRow()).isTrue();
  }

  @Test
  void lookupsCannotReadTheNextRow() {
    assertThatThrownBy(() -> new LogUp.Interaction("x", 1, Expr.constant(1), List.of(mainNext(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compilerSharesCommonSubexpressions() {
    Expr shared = main(0).times(main(1));
    ConstraintProgram p = ConstraintProgram.compile(List.of(
        Constraint.everyRow("a", shared.minus(1)), Constraint.everyRow("b", shared.minus(2))));
    // main0, main1, product, const 1, sub, const 2, sub: the product and loads appear once.
    assertThat(p.code().length / ConstraintProgram.STRIDE).isEqualTo(7);
    assertThat(p.constraintCount()).isEqualTo(2);
  }
}

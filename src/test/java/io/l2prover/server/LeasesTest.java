package io.l2prover.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeasesTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final Leases leases = new Leases(Duration.ofNanos(100), now::get);

  @Test
  void aLeaseKeepsItsBlockFromOtherProversUntilItExpires() {
    leases.grant(5, "a");
    assertThat(leases.heldBy("a")).contains(5L);
    assertThat(leases.leasedToAnother(5, "b")).isTrue();
    assertThat(leases.leasedToAnother(5, "a")).isFalse();
    assertThat(leases.leasedToAnother(5, null)).as("to a prover without ID, any lease is another's").isTrue();
    now.addAndGet(99);
    assertThat(leases.leasedToAnother(5, "b")).isTrue();
    now.addAndGet(1);
    assertThat(leases.leasedToAnother(5, "b")).isFalse();
    assertThat(leases.heldBy("a")).isEmpty();
    assertThat(leases.live()).isZero();
  }

  @Test
  void aProverHoldsOneLeaseAndAnExpiredOneMovesToItsNewProver() {
    leases.grant(5, "a");
    leases.grant(6, "a");
    assertThat(leases.heldBy("a")).contains(6L);
    assertThat(leases.leasedToAnother(5, "b")).as("a's first lease ended when it took another").isFalse();
    now.addAndGet(100);
    leases.grant(6, "b");
    assertThat(leases.heldBy("b")).contains(6L);
    assertThat(leases.heldBy("a")).isEmpty();
    assertThat(leases.live()).isEqualTo(1);
  }

  @Test
  void aProofEndsTheLeaseWhoeverHoldsIt() {
    leases.grant(5, "a");
    leases.release(5);
    assertThat(leases.heldBy("a")).isEmpty();
    assertThat(leases.leasedToAnother(5, "b")).isFalse();
    leases.release(7);
    assertThat(leases.live()).isZero();
  }
}

package io.l2prover.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Which block is leased to which prover, and until when: a block handed out stays with its
 * prover for the lease time, so that other provers are handed other blocks; an expired lease
 * counts as none. At most one lease per prover (a prover that asks again gets its block again).
 * Kept in memory only: a restarted server has no leases. Not thread-safe: the server's event
 * loop owns it.
 */
final class Leases {

  /** A live or expired lease. */
  record Lease(long block, String prover, long expiresAtNanos) {}

  private final long leaseNanos;
  private final LongSupplier clock;
  private final Map<Long, Lease> byBlock = new HashMap<>();
  private final Map<String, Lease> byProver = new HashMap<>();

  /** @param clock monotonic nanoseconds ({@code System::nanoTime}; tests pass their own) */
  Leases(Duration leaseTime, LongSupplier clock) {
    if (leaseTime.isNegative() || leaseTime.isZero()) {
      throw new IllegalArgumentException("the lease time must be positive");
    }
    this.leaseNanos = leaseTime.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The block {@code prover} holds a live lease on, if any. */
  Optional<Long> heldBy(String prover) {
    Lease lease = byProver.get(prover);
    return lease != null && live(lease) ? Optional.of(lease.block()) : Optional.empty();
  }

  /** Whether {@code block} is leased, live, to a prover other than {@code prover} (any prover when it is null). */
  boolean leasedToAnother(long block, String prover) {
    Lease lease = byBlock.get(block);
    return lease != null && live(lease) && !lease.prover().equals(prover);
  }

  /**
   * Leases {@code block} to {@code prover} from now on, replacing any lease on that block (an
   * expired one, or the prover's own) and any other lease the prover held.
   */
  void grant(long block, String prover) {
    release(block);
    Lease previous = byProver.remove(prover);
    if (previous != null) {
      byBlock.remove(previous.block());
    }
    Lease lease = new Lease(block, prover, clock.getAsLong() + leaseNanos);
    byBlock.put(block, lease);
    byProver.put(prover, lease);
  }

  /** Ends the lease on {@code block}, whoever holds it (its proof was accepted). */
  void release(long block) {
    Lease lease = byBlock.remove(block);
    if (lease != null) {
      byProver.remove(lease.prover(), lease);
    }
  }

  /** Live leases now; expired ones are dropped on the way, so the maps stay small. */
  int live() {
    byBlock.values().removeIf(lease -> {
      boolean expired = !live(lease);
      if (expired) {
        byProver.remove(lease.prover(), lease);
      }
      return expired;
    });
    return byBlock.size();
  }

  private boolean live(Lease lease) {
    return clock.getAsLong() - lease.expiresAtNanos() < 0;
  }
}

package io.l2prover.server;

import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolTls;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the prover server listens, how (plain TCP or TLS), what it accepts, and how long a block
 * handed out stays leased to its prover ({@code PROVER_SERVER_LEASE_MS}).
 */
public record ServerSettings(String listenIp, int listenPort, boolean devMode, ProtocolLimits limits, ProtocolTls tls,
    Duration leaseTime) {

  /** conf/config.json's PROVER_SERVER_LEASE_MS: longer than a block takes to prove. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofMinutes(10);

  public ServerSettings {
    Objects.requireNonNull(listenIp, "listenIp");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(leaseTime, "leaseTime");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be in 0..65535");
    }
    if (leaseTime.isNegative() || leaseTime.isZero()) {
      throw new IllegalArgumentException("leaseTime must be positive");
    }
  }

  /** Plain TCP, the default lease time. */
  public ServerSettings(String listenIp, int listenPort, boolean devMode, ProtocolLimits limits) {
    this(listenIp, listenPort, devMode, limits, ProtocolTls.off(), DEFAULT_LEASE_TIME);
  }

  /** A copy with another lease time. */
  public ServerSettings withLeaseTime(Duration leaseTime) {
    return new ServerSettings(listenIp, listenPort, devMode, limits, tls, leaseTime);
  }
}

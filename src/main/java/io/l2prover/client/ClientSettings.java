package io.l2prover.client;

import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolTls;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client talks to its server.
 *
 * @param pollInterval wait after an empty Response before asking again
 * @param submitAttempts how often one receipt is submitted before it is dropped and the block
 *     asked for again
 */
public record ClientSettings(String host, int port, Duration pollInterval, Backoff backoff,
    int submitAttempts, Duration provingTimeout, ProtocolLimits limits, ProtocolTls tls) {

  public ClientSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(provingTimeout, "provingTimeout");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tls, "tls");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535");
    }
    if (submitAttempts < 1) {
      throw new IllegalArgumentException("submitAttempts must be at least 1");
    }
  }

  /** Plain TCP. */
  public ClientSettings(String host, int port, Duration pollInterval, Backoff backoff, int submitAttempts,
      Duration provingTimeout, ProtocolLimits limits) {
    this(host, port, pollInterval, backoff, submitAttempts, provingTimeout, limits, ProtocolTls.off());
  }
}

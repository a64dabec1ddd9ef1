package io.l2prover.client;

import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolTls;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client talks to its server.
 *
 * @param pollInterval wait after an empty Response before asking again
 * @param submitAttempts how often one receipt is submitted before it is dropped and the block
 *     asked for again
 * @param proverId sent in every Request so the server keeps the client's block leased to it
 *     across connections and restarts; empty: the server sees a new prover at each Request
 */
public record ClientSettings(String host, int port, Duration pollInterval, Backoff backoff,
    int submitAttempts, Duration provingTimeout, ProtocolLimits limits, ProtocolTls tls, Optional<String> proverId) {

  public ClientSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(provingTimeout, "provingTimeout");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(proverId, "proverId");
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

  /** No prover ID. */
  public ClientSettings(String host, int port, Duration pollInterval, Backoff backoff, int submitAttempts,
      Duration provingTimeout, ProtocolLimits limits, ProtocolTls tls) {
    this(host, port, pollInterval, backoff, submitAttempts, provingTimeout, limits, tls, Optional.empty());
  }

  /** A copy that sends {@code id} as its prover ID. */
  public ClientSettings withProverId(String id) {
    return new ClientSettings(host, port, pollInterval, backoff, submitAttempts, provingTimeout, limits, tls,
        Optional.of(id));
  }
}

package io.l2prover.server;

import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolTls;
import java.util.Objects;

/** Where the prover server listens, how (plain TCP or TLS) and what it accepts. */
public record ServerSettings(String listenIp, int listenPort, boolean devMode, ProtocolLimits limits, ProtocolTls tls) {

  public ServerSettings {
    Objects.requireNonNull(listenIp, "listenIp");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tls, "tls");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be in 0..65535");
    }
  }

  /** Plain TCP. */
  public ServerSettings(String listenIp, int listenPort, boolean devMode, ProtocolLimits limits) {
    this(listenIp, listenPort, devMode, limits, ProtocolTls.off());
  }
}

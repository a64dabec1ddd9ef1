package io.l2prover.server;

import io.l2prover.protocol.ProtocolLimits;
import java.util.Objects;

/** Where the prover server listens and what it accepts. */
public record ServerSettings(String listenIp, int listenPort, boolean devMode, ProtocolLimits limits) {

  public ServerSettings {
    Objects.requireNonNull(listenIp, "listenIp");
    Objects.requireNonNull(limits, "limits");
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listenPort must be in 0..65535");
    }
  }
}

package io.l2prover.protocol;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS on the protocol, from PEM files; plain TCP when off (ethrex speaks plain TCP). A server
 * with {@code certificate} and {@code key} speaks TLS; with {@code trustedCa} as well it serves
 * only peers whose certificate that CA signed (mutual TLS). A client with TLS on checks the
 * server's certificate and host name against {@code trustedCa} (the JVM's CAs when absent) and
 * shows {@code certificate}/{@code key} when asked.
 *
 * @param enabled whether connections use TLS
 * @param certificate this side's certificate chain (PEM)
 * @param key its private key (PEM, PKCS#8 or PKCS#1)
 * @param trustedCa the CA certificate(s) (PEM) the peer's certificate must chain to
 */
public record ProtocolTls(boolean enabled, Optional<Path> certificate, Optional<Path> key, Optional<Path> trustedCa) {

  public ProtocolTls {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(trustedCa, "trustedCa");
    if (certificate.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("a certificate needs its key and a key its certificate");
    }
  }

  /** Plain TCP. */
  public static ProtocolTls off() {
    return new ProtocolTls(false, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads the PEM files now, so that a missing or malformed one stops a role at start rather
   * than failing every connection later.
   *
   * @throws IllegalArgumentException saying which file is unusable and why
   */
  public void load(Vertx vertx) {
    if (!enabled) {
      return;
    }
    keyCert().ifPresent(options -> check(() -> options.getKeyManagerFactory(vertx), "certificate or key "
        + certificate.get() + ", " + key.get()));
    trust().ifPresent(options -> check(() -> options.getTrustManagerFactory(vertx), "CA file " + trustedCa.get()));
  }

  private interface Loading {
    Object run() throws Exception;
  }

  private static void check(Loading loading, String what) {
    try {
      loading.run();
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot use the " + what + ": " + e.getMessage(), e);
    }
  }

  /** {@code options} with this server side's TLS settings. */
  NetServerOptions applyTo(NetServerOptions options) {
    if (enabled) {
      options.setSsl(true).setKeyCertOptions(keyCert().orElseThrow(
          () -> new IllegalStateException("a TLS server needs a certificate and a key")));
      trust().ifPresent(ca -> options.setTrustOptions(ca).setClientAuth(ClientAuth.REQUIRED));
    }
    return options;
  }

  /** {@code options} with this client side's TLS settings. */
  NetClientOptions applyTo(NetClientOptions options) {
    if (enabled) {
      options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
      keyCert().ifPresent(options::setKeyCertOptions);
      trust().ifPresent(options::setTrustOptions);
    }
    return options;
  }

  private Optional<PemKeyCertOptions> keyCert() {
    return certificate.map(cert -> new PemKeyCertOptions().setCertPath(cert.toString())
        .setKeyPath(key.orElseThrow().toString()));
  }

  private Optional<PemTrustOptions> trust() {
    return trustedCa.map(ca -> new PemTrustOptions().addCertPath(ca.toString()));
  }
}

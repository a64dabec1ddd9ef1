package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS between a ProtocolServer and ProtocolClients, with the test PEM files of src/test/resources/tls. */
@ExtendWith(VertxExtension.class)
class ProtocolTlsTest {

  private static final Path DIR = Path.of("src", "test", "resources", "tls");
  private static final ProtocolLimits LIMITS = new ProtocolLimits(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(2), 4);
  private static final ProofData ACK = new ProofData.SubmitAck(new JsonObject().put("number", "0x5"));
  private static final ProofData.Request REQUEST = new ProofData.Request(5);

  static ProtocolTls server(boolean mutual) {
    return new ProtocolTls(true, Optional.of(DIR.resolve("server.pem")), Optional.of(DIR.resolve("server.key")),
        mutual ? Optional.of(DIR.resolve("ca.pem")) : Optional.empty());
  }

  static ProtocolTls client(String name, String ca) {
    Optional<Path> cert = name == null ? Optional.empty() : Optional.of(DIR.resolve(name + ".pem"));
    Optional<Path> key = name == null ? Optional.empty() : Optional.of(DIR.resolve(name + ".key"));
    return new ProtocolTls(true, cert, key, Optional.of(DIR.resolve(ca)));
  }

  private static int listen(Vertx vertx, ProtocolTls tls) throws Exception {
    ProtocolServer server = new ProtocolServer(vertx, LIMITS, tls, new ConnectionStats(),
        message -> Future.succeededFuture(ACK));
    server.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    return server.actualPort();
  }

  private static ProofData exchange(Vertx vertx, int port, ProtocolTls tls) throws Exception {
    return new ProtocolClient(vertx, "127.0.0.1", port, LIMITS, tls).exchange(REQUEST).await(5, TimeUnit.SECONDS);
  }

  @Test
  void aClientThatTrustsTheServersCaIsAnsweredOverTls(Vertx vertx) throws Exception {
    int port = listen(vertx, server(false));
    assertThat(exchange(vertx, port, client(null, "ca.pem"))).isEqualTo(ACK);
    // A client that trusts another CA refuses the server; a plain one gets no answer.
    assertThatThrownBy(() -> exchange(vertx, port, client(null, "other-ca.pem"))).hasMessageContaining("SSL");
    assertThatThrownBy(() -> exchange(vertx, port, ProtocolTls.off())).hasMessageContaining("without a reply");
  }

  @Test
  void mutualTlsServesOnlyProversWithACertificateTheCaSigned(Vertx vertx) throws Exception {
    int port = listen(vertx, server(true));
    assertThat(exchange(vertx, port, client("client", "ca.pem"))).isEqualTo(ACK);
    assertThatThrownBy(() -> exchange(vertx, port, client(null, "ca.pem"))).hasMessageContaining("bad_certificate");
    assertThatThrownBy(() -> exchange(vertx, port, client("rogue", "ca.pem"))).hasMessageContaining("bad_certificate");
    // Still serving after the refusals.
    assertThat(exchange(vertx, port, client("client", "ca.pem"))).isEqualTo(ACK);
  }

  @Test
  void unusableFilesAreReportedWhenLoaded(Vertx vertx, @TempDir Path tmp) throws Exception {
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "not a certificate");
    assertThatThrownBy(() -> new ProtocolTls(true, Optional.of(garbage), Optional.of(DIR.resolve("server.key")),
        Optional.empty()).load(vertx)).hasMessageContaining("cannot use the certificate or key " + garbage);
    assertThatThrownBy(() -> new ProtocolTls(true, Optional.empty(), Optional.empty(),
        Optional.of(tmp.resolve("missing.pem"))).load(vertx)).hasMessageContaining("cannot use the CA file");
    server(true).load(vertx);
    client("client", "ca.pem").load(vertx);
  }
}

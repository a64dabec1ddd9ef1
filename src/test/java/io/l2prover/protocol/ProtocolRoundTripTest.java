package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.Bytes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our client against our server, with a message big enough to be coded off the event loop. */
@ExtendWith(VertxExtension.class)
class ProtocolRoundTripTest {

  private static final ProverInput BIG_INPUT = new ProverInput(Bytes.of(new byte[] {1}),
      Bytes.of(new byte[600_000]), new ExecutionWitness(List.of(Bytes.of(new byte[300_000])), List.of(), new JsonObject().put("chainId", 1)));

  @Test
  void aMultiMegabyteResponseArrivesIntact(Vertx vertx) throws Exception {
    ProtocolLimits limits = new ProtocolLimits(8 << 20, Duration.ofSeconds(2), Duration.ofSeconds(5), 4);
    ProtocolServer server = new ProtocolServer(vertx, limits, new ConnectionStats(), message ->
        Future.succeededFuture(new ProofData.Response(((ProofData.Request) message).blockNumber(), BIG_INPUT)));
    server.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);

    ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), limits);
    assertThat(client.exchange(new ProofData.Request(9)).await(10, TimeUnit.SECONDS))
        .isEqualTo(new ProofData.Response(9L, BIG_INPUT));

    // The same reply is refused by a client whose limit it exceeds.
    ProtocolLimits small = new ProtocolLimits(1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(5), 4);
    ProtocolClient strict = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), small);
    assertThatThrownBy(() -> strict.exchange(new ProofData.Request(9)).await(10, TimeUnit.SECONDS))
        .hasMessageContaining("larger than the limit of 1048576 bytes");
  }
}

package io.l2prover.app;

import static io.l2prover.metrics.HealthFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.metrics.HealthFixtures;
import io.l2prover.metrics.MetricsVerticle;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A node that is no longer a cluster member is not ready: /health answers 503 and says why. */
class ClusterHealthTest {

  @Test
  void leavingTheClusterMakesTheNodeNotReady() throws Exception {
    int port = RoleProcesses.freePort();
    Vertx node = ClusteredVertx.join(ClusterSettings.of("health-" + port, "127.0.0.1", port, "127.0.0.1:" + port, 0));
    try {
      MetricsVerticle metrics = new MetricsVerticle("127.0.0.1", 0, Optional.empty(),
          List.of(ClusteredVertx.health(node)));
      node.deployVerticle(metrics).await(5, TimeUnit.SECONDS);

      HealthFixtures.Answer member = get(node, metrics.actualPort(), "/health");
      assertThat(member.status()).isEqualTo(200);
      assertThat(member.body().getJsonObject("checks").getJsonObject("cluster").getString("detail"))
          .isEqualTo("member of a cluster of 1 node(s)");

      Promise<Void> left = Promise.promise();
      ((VertxInternal) node).clusterManager().leave(left);
      left.future().await(30, TimeUnit.SECONDS);

      HealthFixtures.Answer gone = get(node, metrics.actualPort(), "/health");
      assertThat(gone.status()).isEqualTo(503);
      assertThat(gone.body().getString("reason")).startsWith("cluster: this node is no member of the cluster");
      assertThat(get(node, metrics.actualPort(), "/health/live").status()).isEqualTo(200);
    } finally {
      node.close().await(30, TimeUnit.SECONDS);
    }
  }
}

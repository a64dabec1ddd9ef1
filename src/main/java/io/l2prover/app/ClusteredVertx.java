package io.l2prover.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.l2prover.app.cli.UserError;
import io.l2prover.health.HealthCheck;
import io.l2prover.health.HealthStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Vert.x instance whose event bus spans the Hazelcast cluster: the bundled
 * {@code cluster.xml} with the node's {@link ClusterSettings} over it.
 */
public final class ClusteredVertx {

  private ClusteredVertx() {}

  /**
   * Joins (or founds) the cluster, blocking: call from a role's main thread.
   *
   * @throws UserError when Hazelcast cannot bind or start
   */
  public static Vertx join(ClusterSettings settings) {
    try {
      return start(settings).await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new UserError("cannot join the cluster '" + settings.name() + "' as " + settings.host() + ":"
          + settings.port() + " (PROVER_CLUSTER_HOST/PROVER_CLUSTER_PORT): " + e.getMessage());
    }
  }

  /** Joins (or founds) the cluster; the future fails when Hazelcast cannot bind or start. */
  public static Future<Vertx> start(ClusterSettings settings) {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(settings));
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
        .setHost(settings.host())
        .setPort(settings.busPort()));
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
  }

  /**
   * Readiness of {@code vertx}'s cluster membership: down once the node has left the cluster or
   * its Hazelcast instance stopped, when its event bus reaches no other node.
   */
  public static HealthCheck health(Vertx vertx) {
    return HealthCheck.of("cluster", v -> Future.succeededFuture(membership(vertx)));
  }

  private static HealthStatus membership(Vertx vertx) {
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    if (manager == null) {
      return HealthStatus.down("not clustered");
    }
    try {
      List<String> nodes = manager.getNodes();
      if (!manager.isActive() || !nodes.contains(manager.getNodeId())) {
        return HealthStatus.down("this node is no member of the cluster any more (PROVER_CLUSTER_*)");
      }
      return HealthStatus.up("member of a cluster of " + nodes.size() + " node(s)");
    } catch (RuntimeException e) { // Hazelcast stopped under the node
      return HealthStatus.down("this node is no member of the cluster any more: " + e.getMessage());
    }
  }

  /** The bundled {@code cluster.xml} with the name, address, port and members of {@code settings}. */
  static Config hazelcastConfig(ClusterSettings settings) {
    Config config = bundled();
    config.setClusterName(settings.name());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).clear().addInterface(settings.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    return config;
  }

  private static Config bundled() {
    try (InputStream in = ClusteredVertx.class.getResourceAsStream("/cluster.xml")) {
      if (in == null) {
        throw new IllegalStateException("cluster.xml is missing from the jar");
      }
      return new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled cluster.xml", e);
    }
  }
}

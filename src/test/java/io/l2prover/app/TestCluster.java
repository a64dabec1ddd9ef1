package io.l2prover.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Clustered Vert.x nodes in one JVM on 127.0.0.1, joined by TCP-IP as separate hosts would be; closed together. */
public final class TestCluster implements AutoCloseable {

  private final List<Vertx> nodes = new CopyOnWriteArrayList<>();

  /** A node of cluster {@code name} on {@code port}, with the application's codecs. */
  public Vertx join(String name, int port, String members) {
    Vertx node = ClusteredVertx.join(ClusterSettings.of(name, "127.0.0.1", port, members, 0));
    nodes.add(node);
    Services.registerCodecs(node.eventBus());
    return node;
  }

  /** Forgets {@code node} (a test that closed it itself). */
  public void remove(Vertx node) {
    nodes.remove(node);
  }

  @Override
  public void close() throws Exception {
    for (Vertx node : nodes) {
      node.close().await(30, TimeUnit.SECONDS);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where this node sits in the Hazelcast cluster: the cluster's name, the IP address it binds and
 * announces, its Hazelcast port, the members it contacts to join (TCP-IP, {@code ip} or
 * {@code ip:port}), and the event bus's own TCP port (0: any free port).
 */
public record ClusterSettings(String name, String host, int port, List<String> members, int busPort) {

  public ClusterSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    members = List.copyOf(members);
  }

  /**
   * Validates the raw settings.
   *
   * @throws UserError when the name or member list is empty or the host is not an IP address
   */
  public static ClusterSettings of(String name, String host, int port, String members, int busPort) {
    if (name.isBlank()) {
      throw new UserError("PROVER_CLUSTER_NAME must not be empty");
    }
    requireIpLiteral(host);
    List<String> list = Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    if (list.isEmpty()) {
      throw new UserError("PROVER_CLUSTER_MEMBERS must name at least one member (ip or ip:port, comma-separated)");
    }
    return new ClusterSettings(name, host, port, list, busPort);
  }

  // Hazelcast binds interfaces by address pattern, not by name: a host name would silently bind nothing.
  private static void requireIpLiteral(String host) {
    boolean literal = host.matches("[0-9.]+") || host.contains(":");
    try {
      if (literal) {
        InetAddress.getByName(host);
        return;
      }
    } catch (UnknownHostException e) {
      // falls through to the error below
    }
    throw new UserError("PROVER_CLUSTER_HOST must be this node's IP address (the interface the cluster uses),"
        + " got '" + host + "'");
  }
}

package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Binds an address for a moment before a role spends seconds on its start, so that a port in use
 * or an address this host does not have is reported at once, naming the setting. The real listen
 * a moment later still reports what changed in between.
 */
final class ListenCheck {

  private ListenCheck() {}

  /**
   * @param settings the settings that name this address, for the message
   * @throws UserError when {@code host}:{@code port} cannot be bound
   */
  static void probe(String host, int port, String settings) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UserError(settings + ": '" + host + "' is not an address of this host");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new UserError(settings + ": cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
    }
  }
}

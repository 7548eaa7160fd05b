package dev.skiff.rpc.transport;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a server listens and a client connects: {@code tcp://host:port}. The scheme picks the
 * transport. Immutable.
 *
 * @param scheme the transport: {@code tcp}
 * @param host the host name or address, for tcp
 * @param port the port, for tcp; 0 asks a server for any free port
 */
public record Address(String scheme, String host, int port) {
  public Address {
    requireNonNull(scheme, "scheme");
    requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
  }

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static Address parse(String text) {
    requireNonNull(text, "address");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed address '" + text + "': " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      throw new IllegalArgumentException(
          "address '" + text + "' has no scheme; write tcp://host:port");
    }
    if (!scheme.equals("tcp")) {
      throw new IllegalArgumentException(
          "unsupported scheme '" + scheme + "' in address '" + text + "'; supported: tcp");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "address '" + text + "' needs a host and a port: tcp://host:port");
    }
    return new Address(scheme, uri.getHost(), uri.getPort());
  }

  /** The address to bind or connect a socket to. */
  public SocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + ":" + port;
  }
}

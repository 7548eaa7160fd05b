package dev.skiff.rpc.transport;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a server listens and a client connects. The scheme picks the transport:
 *
 * <ul>
 *   <li>{@code tcp://host:port}: TCP; port 0 asks a server for any free port
 *   <li>{@code unix:///absolute/path.sock}: a Unix domain socket
 *   <li>{@code shm://name}: a shared-memory mailbox on this host; the name is 1 to 100 letters,
 *       digits, {@code .}, {@code _} or {@code -}
 * </ul>
 *
 * <p>Immutable.
 *
 * @param scheme the transport: {@code tcp}, {@code unix} or {@code shm}
 * @param host the host name or address, for tcp; empty otherwise
 * @param port the port, for tcp; 0 otherwise
 * @param path the socket file's absolute path for unix, the mailbox name for shm; empty for tcp
 */
public record Address(String scheme, String host, int port, String path) {
  public static final String TCP = "tcp";
  public static final String UNIX = "unix";
  public static final String SHM = "shm";

  private static final Pattern SHM_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public Address {
    requireNonNull(scheme, "scheme");
    requireNonNull(host, "host");
    requireNonNull(path, "path");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
  }

  /** A tcp address. */
  public Address(String scheme, String host, int port) {
    this(scheme, host, port, "");
  }

  /** {@code unix://} followed by the absolute path of the socket file. */
  public static Address unix(Path socketFile) {
    requireNonNull(socketFile, "socketFile");
    if (!socketFile.isAbsolute()) {
      throw new IllegalArgumentException("unix socket path '" + socketFile + "' is not absolute");
    }
    return new Address(UNIX, "", 0, socketFile.toString());
  }

  /** {@code shm://name}. */
  public static Address shm(String name) {
    requireNonNull(name, "name");
    if (!SHM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "shm mailbox name '"
              + name
              + "' must be 1 to 100 letters, digits, '.', '_' or '-', without '/'");
    }
    return new Address(SHM, "", 0, name);
  }

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static Address parse(String text) {
    requireNonNull(text, "address");
    int colon = text.indexOf("://");
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "address '"
              + text
              + "' has no scheme; write tcp://host:port, unix:///path/to.sock or shm://name");
    }
    String scheme = text.substring(0, colon);
    String rest = text.substring(colon + 3);
    switch (scheme) {
      case TCP:
        return parseTcp(text);
      case UNIX:
        if (!rest.startsWith("/")) {
          throw new IllegalArgumentException(
              "address '" + text + "' needs an absolute path: unix:///path/to.sock");
        }
        return unix(Path.of(rest).normalize());
      case SHM:
        try {
          return shm(rest);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("address '" + text + "': " + e.getMessage(), e);
        }
      default:
        throw new IllegalArgumentException(
            "unsupported scheme '"
                + scheme
                + "' in address '"
                + text
                + "'; supported: tcp, unix, shm");
    }
  }

  private static Address parseTcp(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed address '" + text + "': " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "address '" + text + "' needs a host and a port: tcp://host:port");
    }
    return new Address(TCP, uri.getHost(), uri.getPort());
  }

  /**
   * The address to bind or connect a TCP socket to.
   *
   * @throws IllegalStateException for an address that is not tcp
   */
  public SocketAddress socketAddress() {
    if (!scheme.equals(TCP)) {
      throw new IllegalStateException(this + " is not a tcp address");
    }
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    if (scheme.equals(TCP)) {
      String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
      return scheme + "://" + shownHost + ":" + port;
    }
    return scheme + "://" + path;
  }
}

package dev.skiff.rpc;

import java.net.SocketAddress;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The other end of a connection as a server knows it: its address, the certificate it proved it
 * holds (mutual TLS), and the kernel's word on its process (Unix domain sockets). What is unknown
 * is null or empty.
 *
 * @param address the peer's socket address; null where the transport has none
 * @param certificates the client's verified certificate chain, its own certificate first; empty
 *     unless the connection is TLS and the client presented a certificate
 * @param unixCredentials the client process's pid, uid and gid ({@code SO_PEERCRED}); null unless
 *     the connection is a Unix domain socket on Linux with the native (epoll) transport
 */
public record Peer(
    SocketAddress address, List<X509Certificate> certificates, UnixCredentials unixCredentials) {
  public Peer {
    certificates = List.copyOf(certificates);
  }

  /** A peer known by its address alone. */
  public static Peer of(SocketAddress address) {
    return new Peer(address, List.of(), null);
  }

  /** The subject of the client's certificate (mutual TLS), or null when it presented none. */
  public Principal principal() {
    return certificates.isEmpty() ? null : certificates.get(0).getSubjectX500Principal();
  }
}

package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import java.net.SocketAddress;

/**
 * What interceptors know about a call.
 *
 * @param service the service name the call is addressed to: the multiplexed name, or the service's
 *     IDL name when the call is not multiplexed
 * @param method the method name
 * @param oneway whether the caller expects no reply
 * @param remoteAddress the peer: the server for a client interceptor, the client for a server one
 * @param peer on a server, what is known of the client: its address, TLS certificate, Unix
 *     credentials; null on a client
 */
public record CallInfo(
    String service, String method, boolean oneway, SocketAddress remoteAddress, Peer peer) {
  public CallInfo {
    requireNonNull(service, "service");
    requireNonNull(method, "method");
  }

  /** A call whose peer is known by its address alone, or not at all. */
  public CallInfo(String service, String method, boolean oneway, SocketAddress remoteAddress) {
    this(service, method, oneway, remoteAddress, null);
  }
}

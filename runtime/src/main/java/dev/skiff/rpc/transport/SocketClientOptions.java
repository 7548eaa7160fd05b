package dev.skiff.rpc.transport;

import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.TlsConfig;
import java.util.Objects;

/**
 * How a client makes socket connections ({@code tcp://}, {@code unix://}). {@link
 * dev.skiff.rpc.Channel.Builder} fills it in; the shm transport ignores it.
 *
 * @param tcpKeepAlive whether TCP connections send keepalive probes when idle ({@code
 *     SO_KEEPALIVE}), so that a peer host that vanished (crashed, unplugged, partitioned away) is
 *     noticed by the kernel and the connection fails
 * @param tls TLS for {@code tcp://} connections, or null for plain TCP
 * @param ioMode which threads do the connection's I/O
 */
public record SocketClientOptions(boolean tcpKeepAlive, TlsConfig tls, IoMode ioMode) {
  /** The defaults: no TCP keepalive, no TLS, callers doing their own I/O. */
  public static final SocketClientOptions DEFAULTS =
      new SocketClientOptions(false, null, IoMode.CALLER_THREAD);

  public SocketClientOptions {
    Objects.requireNonNull(ioMode, "ioMode");
  }
}

package dev.skiff.rpc.transport;

import dev.skiff.rpc.TlsConfig;
import java.time.Duration;

/**
 * How a socket server ({@code tcp://}, {@code unix://}) treats its connections: the limits that
 * keep slow, idle or greedy clients from holding it. {@link dev.skiff.rpc.Server.Builder} fills it
 * in; the shm transport ignores it (its mailbox bounds clients and buffers by construction).
 *
 * @param eventLoopThreads threads serving connections
 * @param maxConnections connections open at once; one accepted beyond it is closed at once
 * @param frameReadTimeout how long one frame may take to arrive, from its first byte to its last;
 *     zero for no limit
 * @param idleTimeout how long a connection with no call in flight may go without traffic before it
 *     is closed; zero for no limit
 * @param writeBufferLowWaterMark bytes of queued replies below which reading resumes
 * @param writeBufferHighWaterMark bytes of queued replies above which the server stops reading from
 *     the connection
 * @param tls TLS for {@code tcp://}, or null for plain TCP
 */
public record SocketServerOptions(
    int eventLoopThreads,
    int maxConnections,
    Duration frameReadTimeout,
    Duration idleTimeout,
    int writeBufferLowWaterMark,
    int writeBufferHighWaterMark,
    TlsConfig tls) {
  public SocketServerOptions {
    if (eventLoopThreads < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("eventLoopThreads and maxConnections must be positive");
    }
    if (writeBufferLowWaterMark < 1 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
      throw new IllegalArgumentException(
          "write buffer water marks must satisfy 0 < low <= high but were "
              + writeBufferLowWaterMark
              + " and "
              + writeBufferHighWaterMark);
    }
  }
}

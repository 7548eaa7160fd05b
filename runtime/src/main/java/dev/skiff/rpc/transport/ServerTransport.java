package dev.skiff.rpc.transport;

import java.util.function.Function;

/**
 * The server half of a transport: listens on one address and accepts {@link FrameConnection}s.
 * Obtained from {@link Transports#server}.
 */
public interface ServerTransport {
  /**
   * Starts listening.
   *
   * @param accept makes the handler for each accepted connection; called before any of its frames
   *     arrive, on a transport thread
   * @throws dev.skiff.rpc.ConnectionException if the address cannot be bound or attached to
   */
  Listener listen(Address address, Function<FrameConnection, FrameHandler> accept);

  /** A listening endpoint. Thread-safe. */
  interface Listener extends AutoCloseable {
    /** The address clients reach this listener at: for tcp with the port actually bound. */
    Address localAddress();

    /** Stops accepting connections; those already accepted stay open. Idempotent. */
    void stopAccepting();

    /**
     * Closes every accepted connection and frees what listening took (sockets, socket files,
     * shared-memory segments, threads). Idempotent.
     */
    @Override
    void close();
  }
}

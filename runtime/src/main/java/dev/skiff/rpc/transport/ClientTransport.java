package dev.skiff.rpc.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The client half of a transport: makes {@link FrameConnection}s to one kind of address. Obtained
 * from {@link Transports#client}; thread-safe.
 */
public interface ClientTransport {
  /**
   * Connects to {@code address}.
   *
   * @param bind makes the handler for the new connection's incoming frames; called once, before any
   *     frame arrives
   * @return completes with the handler {@code bind} made once the connection is usable, or fails
   *     with the cause when it cannot be made within {@code timeout}
   */
  <H extends FrameHandler> CompletableFuture<H> connect(
      Address address, Duration timeout, Function<FrameConnection, H> bind);
}

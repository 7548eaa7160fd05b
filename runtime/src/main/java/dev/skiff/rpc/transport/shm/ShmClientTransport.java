package dev.skiff.rpc.transport.shm;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.ClientTransport;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Connects to {@code shm://name} mailboxes. Each connection claims a client slot in the mailbox's
 * segment and binds to the live server with the fewest clients. Thread-safe.
 */
public final class ShmClientTransport implements ClientTransport {
  private final ShmConfig config;
  private final int maxFrameSize;

  public ShmClientTransport(ShmConfig config, int maxFrameSize) {
    this.config = requireNonNull(config, "config");
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  public <H extends FrameHandler> CompletableFuture<H> connect(
      Address address, Duration timeout, Function<FrameConnection, H> bind) {
    requireNonNull(address, "address");
    requireNonNull(bind, "bind");
    return CompletableFuture.supplyAsync(
        () ->
            ShmClientConnection.connect(
                config, maxFrameSize, address.path(), timeout.toNanos(), bind),
        ShmThreads.connects());
  }
}

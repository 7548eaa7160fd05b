package dev.skiff.rpc.transport.shm;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.ServerTransport;
import java.util.function.Function;

/**
 * Serves {@code shm://name} mailboxes: creates the segment (or attaches to one a live server
 * already serves, sharing its clients) and receives from a request ring of its own.
 */
public final class ShmServerTransport implements ServerTransport {
  private final ShmConfig config;
  private final int maxFrameSize;

  public ShmServerTransport(ShmConfig config, int maxFrameSize) {
    this.config = requireNonNull(config, "config");
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  public Listener listen(Address address, Function<FrameConnection, FrameHandler> accept) {
    return ShmListener.start(config, maxFrameSize, address, accept);
  }
}

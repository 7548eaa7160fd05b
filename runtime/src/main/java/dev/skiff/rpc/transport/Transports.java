package dev.skiff.rpc.transport;

import dev.skiff.rpc.transport.netty.NettyClientTransport;
import dev.skiff.rpc.transport.netty.NettyServerTransport;
import dev.skiff.rpc.transport.nio.CallerIoClientTransport;
import dev.skiff.rpc.transport.shm.ShmClientTransport;
import dev.skiff.rpc.transport.shm.ShmConfig;
import dev.skiff.rpc.transport.shm.ShmServerTransport;

/** Picks the transport for an address by its scheme. Stateless. */
public final class Transports {
  private Transports() {}

  /**
   * The client transport for {@code address}.
   *
   * @param maxFrameSize the largest incoming frame accepted
   * @param sockets settings used when the address is {@code tcp://} or {@code unix://}
   * @param shm settings used when the address is {@code shm://}
   */
  public static ClientTransport client(
      Address address, int maxFrameSize, SocketClientOptions sockets, ShmConfig shm) {
    return switch (address.scheme()) {
      case Address.TCP, Address.UNIX -> socketClient(address, maxFrameSize, sockets);
      case Address.SHM -> new ShmClientTransport(shm, maxFrameSize);
      default -> throw new IllegalArgumentException("no transport for " + address);
    };
  }

  private static ClientTransport socketClient(
      Address address, int maxFrameSize, SocketClientOptions sockets) {
    boolean unix = address.scheme().equals(Address.UNIX);
    return switch (sockets.ioMode()) {
      case EVENT_LOOP -> new NettyClientTransport(unix, maxFrameSize, sockets);
      case CALLER_THREAD -> new CallerIoClientTransport(unix, maxFrameSize, sockets);
    };
  }

  /**
   * The server transport for {@code address}.
   *
   * @param maxFrameSize the largest incoming frame accepted
   * @param sockets settings used when the address is {@code tcp://} or {@code unix://}
   * @param shm settings used when the address is {@code shm://}
   */
  public static ServerTransport server(
      Address address, int maxFrameSize, SocketServerOptions sockets, ShmConfig shm) {
    return switch (address.scheme()) {
      case Address.TCP -> new NettyServerTransport(false, maxFrameSize, sockets);
      case Address.UNIX -> new NettyServerTransport(true, maxFrameSize, sockets);
      case Address.SHM -> new ShmServerTransport(shm, maxFrameSize);
      default -> throw new IllegalArgumentException("no transport for " + address);
    };
  }
}

package dev.skiff.rpc.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * Netty's socket transport for this platform: native epoll where it loads, NIO everywhere else
 * (NIO's Unix domain sockets need JDK 16, which Java 17 has). Set {@code
 * -Dskiff.transport.nio=true} to force NIO.
 */
public enum NettyTransport {
  EPOLL,
  NIO;

  private static final NettyTransport BEST =
      !Boolean.getBoolean("skiff.transport.nio") && epollAvailable() ? EPOLL : NIO;

  private static boolean epollAvailable() {
    try {
      return Epoll.isAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  /** The fastest transport available here. */
  public static NettyTransport best() {
    return BEST;
  }

  public EventLoopGroup newEventLoopGroup(int threads, String threadPrefix) {
    IoHandlerFactory handlers =
        this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(threadPrefix, true), handlers);
  }

  public Class<? extends io.netty.channel.Channel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public Class<? extends ServerChannel> serverSocketChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends io.netty.channel.Channel> domainSocketChannel() {
    return this == EPOLL ? EpollDomainSocketChannel.class : NioDomainSocketChannel.class;
  }

  public Class<? extends ServerChannel> serverDomainSocketChannel() {
    return this == EPOLL
        ? EpollServerDomainSocketChannel.class
        : NioServerDomainSocketChannel.class;
  }

  /** The socket address of a Unix domain socket file, in the type this transport's channels use. */
  public SocketAddress domainSocketAddress(Path file) {
    return this == EPOLL
        ? new DomainSocketAddress(file.toString())
        : UnixDomainSocketAddress.of(file);
  }
}

package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.internal.Buffers;
import dev.skiff.rpc.internal.NettyTransport;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.ServerTransport;
import dev.skiff.rpc.transport.SocketServerOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Listens on TCP or a Unix domain socket with Netty; each listener has its own event loops. Applies
 * the {@link SocketServerOptions}: a cap on open connections (enforced on accept), a time limit per
 * frame, an idle timeout, and back-pressure on clients that do not read their replies.
 */
public final class NettyServerTransport implements ServerTransport {
  private final NettyTransport netty = NettyTransport.best();
  private final boolean unix;
  private final int maxFrameSize;
  private final SocketServerOptions options;

  public NettyServerTransport(boolean unix, int maxFrameSize, SocketServerOptions options) {
    this.unix = unix;
    this.maxFrameSize = maxFrameSize;
    this.options = options;
  }

  @Override
  public Listener listen(Address address, Function<FrameConnection, FrameHandler> accept) {
    EventLoopGroup boss = netty.newEventLoopGroup(1, "skiff-accept");
    EventLoopGroup workers = netty.newEventLoopGroup(options.eventLoopThreads(), "skiff-server");
    long frameReadTimeout = options.frameReadTimeout().toNanos();
    long idleTimeout = options.idleTimeout().toNanos();
    SslContext tls = options.tls() == null || unix ? null : TlsContexts.server(options.tls());
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(unix ? netty.serverDomainSocketChannel() : netty.serverSocketChannel())
            .handler(new ConnectionLimiter(options.maxConnections()))
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    options.writeBufferLowWaterMark(), options.writeBufferHighWaterMark()))
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    connections.add(ch);
                    if (tls != null) {
                      ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                    }
                    if (frameReadTimeout > 0) {
                      ch.pipeline()
                          .addLast("frame-read-timeout", new FrameReadTimeout(frameReadTimeout));
                    }
                    ch.pipeline().addLast("read-when-writable", new ReadWhenWritable());
                    FrameHandler handler = NettyFrameConnection.install(ch, maxFrameSize, accept);
                    if (idleTimeout > 0) {
                      ch.pipeline().addFirst("idle", new IdleCloser(idleTimeout, handler));
                    }
                  }
                });
    bootstrap
        .childOption(ChannelOption.ALLOCATOR, Buffers.allocator())
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, NettyFrameConnection.receiveBuffers());
    if (!unix) {
      bootstrap
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true);
    }
    UnixSocketFile socketFile = unix ? new UnixSocketFile(Path.of(address.path())) : null;
    NettyListener listener = new NettyListener(boss, workers, connections, socketFile);
    try {
      if (unix) {
        Path bindPath = socketFile.prepare();
        listener.channel =
            bootstrap.bind(netty.domainSocketAddress(bindPath)).syncUninterruptibly().channel();
        socketFile.publish(bindPath);
        listener.address = address;
      } else {
        listener.channel = bootstrap.bind(address.socketAddress()).syncUninterruptibly().channel();
        int port = ((InetSocketAddress) listener.channel.localAddress()).getPort();
        listener.address = new Address(address.scheme(), address.host(), port);
      }
      return listener;
    } catch (ConnectionException e) {
      listener.close();
      throw e;
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw new ConnectionException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  private static final class NettyListener implements Listener {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    private final UnixSocketFile socketFile;
    private Channel channel;
    private Address address;
    private boolean closed;

    NettyListener(
        EventLoopGroup boss,
        EventLoopGroup workers,
        ChannelGroup connections,
        UnixSocketFile socketFile) {
      this.boss = boss;
      this.workers = workers;
      this.connections = connections;
      this.socketFile = socketFile;
    }

    @Override
    public Address localAddress() {
      return address;
    }

    @Override
    public synchronized void stopAccepting() {
      if (channel != null) {
        channel.close().syncUninterruptibly();
      }
      if (socketFile != null) {
        socketFile.remove();
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      stopAccepting();
      connections.close().awaitUninterruptibly();
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}

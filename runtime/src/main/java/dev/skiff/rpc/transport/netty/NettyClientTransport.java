package dev.skiff.rpc.transport.netty;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.internal.Buffers;
import dev.skiff.rpc.internal.NettyTransport;
import dev.skiff.rpc.internal.SharedEventLoops;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.ClientTransport;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.SocketClientOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Connects over TCP or a Unix domain socket with Netty, on the event loops all client channels of
 * the process share. Thread-safe.
 */
public final class NettyClientTransport implements ClientTransport {
  private final NettyTransport netty = NettyTransport.best();
  private final boolean unix;
  private final int maxFrameSize;
  private final SocketClientOptions options;
  private final SslContext tls;

  /**
   * @param unix true for Unix domain sockets, false for TCP
   * @param maxFrameSize the largest incoming frame accepted
   * @param options keepalive and the like
   */
  public NettyClientTransport(boolean unix, int maxFrameSize, SocketClientOptions options) {
    this.unix = unix;
    this.maxFrameSize = maxFrameSize;
    this.options = requireNonNull(options, "options");
    if (options.tls() != null && unix) {
      throw new IllegalArgumentException("TLS is for tcp:// addresses, not unix://");
    }
    this.tls = options.tls() == null ? null : TlsContexts.client(options.tls());
  }

  @Override
  public <H extends FrameHandler> CompletableFuture<H> connect(
      Address address, Duration timeout, Function<FrameConnection, H> bind) {
    requireNonNull(address, "address");
    requireNonNull(bind, "bind");
    AtomicReference<H> bound = new AtomicReference<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(SharedEventLoops.client(netty))
            .channel(unix ? netty.domainSocketChannel() : netty.socketChannel())
            .option(ChannelOption.ALLOCATOR, Buffers.allocator())
            .option(ChannelOption.RCVBUF_ALLOCATOR, NettyFrameConnection.receiveBuffers())
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (tls != null) {
                      // Host and port for SNI and for checking the name in the certificate.
                      SslHandler handler =
                          tls.newHandler(ch.alloc(), address.host(), address.port());
                      handler.setHandshakeTimeoutMillis(Math.max(1, timeout.toMillis()));
                      ch.pipeline().addLast("tls", handler);
                    }
                    bound.set(NettyFrameConnection.install(ch, maxFrameSize, bind));
                  }
                });
    if (!unix) {
      bootstrap
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.SO_KEEPALIVE, options.tcpKeepAlive());
    }
    SocketAddress remote =
        unix ? netty.domainSocketAddress(Path.of(address.path())) : address.socketAddress();
    CompletableFuture<H> result = new CompletableFuture<>();
    bootstrap
        .connect(remote)
        .addListener(
            (ChannelFutureListener)
                (ChannelFuture done) -> {
                  if (done.isSuccess() && tls != null) {
                    // Usable once the handshake has verified the server.
                    done.channel()
                        .pipeline()
                        .get(SslHandler.class)
                        .handshakeFuture()
                        .addListener(
                            handshake -> {
                              if (handshake.isSuccess()) {
                                result.complete(bound.get());
                              } else {
                                done.channel().close();
                                result.completeExceptionally(handshake.cause());
                              }
                            });
                  } else if (done.isSuccess()) {
                    result.complete(bound.get());
                  } else {
                    result.completeExceptionally(done.cause());
                  }
                });
    return result;
  }
}

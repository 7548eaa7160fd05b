package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.Peer;
import dev.skiff.rpc.UnixCredentials;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameDecoder;
import dev.skiff.rpc.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty channel (TCP or Unix domain socket) as a {@link FrameConnection}: the last handler of the
 * pipeline, after a {@link FrameDecoder}, hands each frame to the bound {@link FrameHandler}.
 * Timeouts run on the channel's event loop; those scheduled from other threads wait on a shared
 * hashed wheel until they fire ({@link CallTimeouts}). Thread-safe, as Netty channels are.
 */
public final class NettyFrameConnection extends SimpleChannelInboundHandler<ByteBuf>
    implements FrameConnection {
  private static final Logger log = LoggerFactory.getLogger(NettyFrameConnection.class);

  /** Flushes held back during one read at most, so that a long read still sends as it goes. */
  private static final int MAX_FLUSHES_HELD = 64;

  /**
   * The largest single read. Netty's default, 64 KiB, splits every frame of 64 KiB or more over two
   * reads, and the decoder then copies the first part to join the second; up to this size a frame
   * that is all there comes in one read. The buffer grows to it only while reads fill it.
   */
  private static final int MAX_READ = 1024 * 1024;

  private final Channel channel;
  private FrameHandler handler;
  private Throwable failure;
  private volatile Peer peer;

  private NettyFrameConnection(Channel channel) {
    this.channel = channel;
  }

  /** How a socket's reads are sized: from 2 KiB, adapting to what arrives, up to 1 MiB. */
  static RecvByteBufAllocator receiveBuffers() {
    return new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ);
  }

  /**
   * Sets up a new channel's pipeline and binds its handler; call from the channel initializer.
   *
   * @return the handler {@code bind} made
   */
  public static <H extends FrameHandler> H install(
      Channel channel, int maxFrameSize, Function<FrameConnection, H> bind) {
    NettyFrameConnection connection = new NettyFrameConnection(channel);
    H handler = bind.apply(connection);
    connection.handler = handler;
    channel
        .pipeline()
        // Frames written while a read is being handled (a server's replies to a batch of calls, a
        // client's next calls started from its replies' callbacks) leave in one flush when the
        // read completes: one syscall for many frames. Writes outside a read flush at once.
        .addLast("flush", new FlushConsolidationHandler(MAX_FLUSHES_HELD, false))
        .addLast("frames", new FrameDecoder(maxFrameSize))
        .addLast("connection", connection);
    return handler;
  }

  @Override
  public void send(ByteBuf frame, SendListener listener) {
    if (listener == null) {
      channel.writeAndFlush(frame, channel.voidPromise());
      return;
    }
    channel
        .writeAndFlush(frame)
        .addListener(
            (ChannelFutureListener)
                written -> listener.sent(written.isSuccess() ? null : written.cause()));
  }

  @Override
  public ByteBufAllocator alloc() {
    return channel.alloc();
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    if (!channel.eventLoop().inEventLoop()) {
      return CallTimeouts.schedule(channel.eventLoop(), task, delayNanos);
    }
    ScheduledFuture<?> scheduled =
        channel.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    return () -> scheduled.cancel(false);
  }

  @Override
  public boolean isActive() {
    return channel.isActive();
  }

  @Override
  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  @Override
  public Peer peer() {
    Peer known = peer;
    if (known != null) {
      return known;
    }
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (tls != null && !tls.handshakeFuture().isSuccess()) {
      return Peer.of(channel.remoteAddress()); // not known yet: not cached
    }
    known = new Peer(channel.remoteAddress(), certificates(tls), unixCredentials());
    peer = known;
    return known;
  }

  private static List<X509Certificate> certificates(SslHandler tls) {
    if (tls == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of(); // the client presented no certificate
    }
  }

  private UnixCredentials unixCredentials() {
    if (!(channel instanceof EpollDomainSocketChannel domain)) {
      return null; // NIO's domain sockets do not expose SO_PEERCRED
    }
    try {
      PeerCredentials credentials = domain.peerCredentials();
      int[] gids = credentials.gids();
      return new UnixCredentials(
          credentials.pid(), credentials.uid(), gids.length > 0 ? gids[0] : -1);
    } catch (IOException | RuntimeException e) {
      log.debug("no peer credentials for {}: {}", channel.remoteAddress(), e.toString());
      return null;
    }
  }

  @Override
  public void close() {
    channel.close();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    handler.frameReceived(frame);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    handler.connectionClosed(failure);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // The first failure is the interesting one; what follows it is usually its consequence.
    if (failure == null) {
      failure = cause;
    }
    log.debug("closing connection with {}: {}", channel.remoteAddress(), cause.toString());
    ctx.close();
  }
}

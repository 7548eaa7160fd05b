package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameDecoder;
import dev.skiff.rpc.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty channel (TCP or Unix domain socket) as a {@link FrameConnection}: the last handler of the
 * pipeline, after a {@link FrameDecoder}, hands each frame to the bound {@link FrameHandler}.
 * Timeouts run on the channel's event loop. Thread-safe, as Netty channels are.
 */
public final class NettyFrameConnection extends SimpleChannelInboundHandler<ByteBuf>
    implements FrameConnection {
  private static final Logger log = LoggerFactory.getLogger(NettyFrameConnection.class);

  private final Channel channel;
  private FrameHandler handler;
  private Throwable failure;

  private NettyFrameConnection(Channel channel) {
    this.channel = channel;
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

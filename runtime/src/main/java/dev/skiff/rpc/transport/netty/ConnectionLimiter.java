package dev.skiff.rpc.transport.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a listening channel, ahead of Netty's acceptor: closes each accepted connection beyond the
 * limit at once, before it is registered with an event loop or given a pipeline. Runs on the
 * listener's single accepting thread; the count drops as connections close, on their own loops.
 */
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
  private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int maxConnections;
  private final AtomicInteger open = new AtomicInteger();
  private final ChannelFutureListener closed = future -> open.decrementAndGet();
  private long refused;
  private long lastLogNanos = System.nanoTime() - LOG_INTERVAL_NANOS;

  ConnectionLimiter(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Channel child = (Channel) msg;
    if (open.get() >= maxConnections) {
      refused++;
      long now = System.nanoTime();
      // One line a second at most: a flood of refusals must not become a flood of logs.
      if (now - lastLogNanos >= LOG_INTERVAL_NANOS) {
        lastLogNanos = now;
        log.warn(
            "refused connection from {}: {} connections open, limit {} ({} refused so far)",
            child.remoteAddress(),
            open.get(),
            maxConnections,
            refused);
      }
      child.unsafe().closeForcibly();
      return;
    }
    open.incrementAndGet();
    child.closeFuture().addListener(closed);
    ctx.fireChannelRead(msg);
  }
}

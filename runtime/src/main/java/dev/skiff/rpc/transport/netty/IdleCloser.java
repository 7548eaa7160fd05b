package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.transport.FrameHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a server connection that has neither read nor written anything for the idle timeout and
 * has no call in flight (a handler still working on a call is not idleness). One per channel.
 */
final class IdleCloser extends IdleStateHandler {
  private static final Logger log = LoggerFactory.getLogger(IdleCloser.class);

  private final FrameHandler handler;
  private long writes; // on the event loop

  IdleCloser(long timeoutNanos, FrameHandler handler) {
    super(0, 0, timeoutNanos, TimeUnit.NANOSECONDS);
    this.handler = handler;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    writes++;
    super.write(ctx, msg, promise);
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
    if (handler.hasCallsInFlight()) {
      return;
    }
    // A handler thread that just finished a call queued its reply's write before it left the
    // in-flight count, but this check may have been queued before that write: decide after it.
    long seen = writes;
    ctx.executor()
        .execute(
            () -> {
              if (writes == seen && !handler.hasCallsInFlight() && ctx.channel().isOpen()) {
                log.debug("closing idle connection from {}", ctx.channel().remoteAddress());
                ctx.close();
              }
            });
  }
}

package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.transport.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose frame does not arrive whole within a time limit, counted from the
 * frame's first byte: a client that trickles a frame a byte at a time (slowloris) holds a buffer
 * and a connection for no longer than that. Sits before the {@link FrameDecoder} and follows the
 * frame boundaries itself (4-byte length, then the body) without consuming anything; a timer runs
 * only while a frame is incomplete. One instance per channel; runs on its event loop.
 */
final class FrameReadTimeout extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(FrameReadTimeout.class);

  private final long timeoutNanos;

  /** Bytes of the current frame's length prefix seen so far (0 to 4). */
  private int prefixBytes;

  private int prefix;

  /** Body bytes of the current frame still to come. */
  private long bodyLeft;

  private ScheduledFuture<?> timer;

  FrameReadTimeout(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      track(bytes);
      boolean midFrame = prefixBytes > 0 || bodyLeft > 0;
      if (midFrame && timer == null) {
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
      } else if (!midFrame && timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Follows the frames in {@code bytes}. A frame completing in this read and another starting in it
   * restart the clock: the limit is per frame.
   */
  private void track(ByteBuf bytes) {
    int index = bytes.readerIndex();
    int end = bytes.writerIndex();
    boolean completed = false;
    while (index < end) {
      if (bodyLeft > 0) {
        int take = (int) Math.min(bodyLeft, end - index);
        bodyLeft -= take;
        index += take;
        completed |= bodyLeft == 0;
        continue;
      }
      prefix = (prefix << 8) | (bytes.getByte(index++) & 0xff);
      if (++prefixBytes == FrameDecoder.LENGTH_SIZE) {
        // A negative length is the decoder's to reject; here it is an empty frame.
        bodyLeft = Math.max(0, prefix);
        prefixBytes = 0;
        prefix = 0;
        completed |= bodyLeft == 0;
      }
    }
    if (completed && timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    log.info(
        "closing connection from {}: a frame did not arrive within {} ms",
        ctx.channel().remoteAddress(),
        TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    ctx.fireChannelInactive();
  }
}

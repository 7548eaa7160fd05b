package dev.skiff.rpc.transport.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Back-pressure for a server connection: while its queue of unsent replies is above the high water
 * mark (the client is not reading them), the server stops reading the client's calls; below the low
 * water mark it reads again. What a client that never reads can make the server hold is bounded by
 * the high water mark plus the replies of the calls already in flight. One per channel.
 */
final class ReadWhenWritable extends ChannelInboundHandlerAdapter {
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }
}

package dev.skiff.rpc.transport;

import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a byte stream into Thrift frames: each a 4-byte signed big-endian length, then that many
 * bytes. Emits one {@link ByteBuf} per frame, without the length: a retained slice the next handler
 * must release.
 *
 * <p>A negative length, or one above the maximum frame size, is rejected as soon as its 4 bytes
 * arrive, before anything is buffered for it: the decoder fires a {@link ProtocolException} of kind
 * {@link Kind#NEGATIVE_SIZE} or {@link Kind#SIZE_LIMIT} through {@code exceptionCaught} (not
 * wrapped in a {@code DecoderException}) and from then on discards all input, since the stream has
 * lost its framing. Closing the channel is left to the handler that receives the exception.
 *
 * <p>Like every {@link ByteToMessageDecoder}, an instance keeps per-connection state and belongs to
 * one channel.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
  /** Bytes in the length prefix. */
  public static final int LENGTH_SIZE = 4;

  private final int maxFrameSize;
  private boolean corrupted;

  /**
   * Creates a decoder.
   *
   * @param maxFrameSize the largest frame length accepted, in bytes, not counting the prefix;
   *     usually {@link dev.skiff.rpc.protocol.ProtocolConfig#maxFrameSize()}
   */
  public FrameDecoder(int maxFrameSize) {
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be positive but was " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (corrupted) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < LENGTH_SIZE) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 0 || length > maxFrameSize) {
      corrupted = true;
      in.skipBytes(in.readableBytes());
      ctx.fireExceptionCaught(
          length < 0
              ? new ProtocolException(Kind.NEGATIVE_SIZE, "frame length " + length + " is negative")
              : new ProtocolException(
                  Kind.SIZE_LIMIT, "frame length " + length + " exceeds limit " + maxFrameSize));
      return;
    }
    if (in.readableBytes() - LENGTH_SIZE < length) {
      return;
    }
    in.skipBytes(LENGTH_SIZE);
    out.add(in.readRetainedSlice(length));
  }
}

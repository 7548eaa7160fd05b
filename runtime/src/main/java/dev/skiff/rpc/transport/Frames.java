package dev.skiff.rpc.transport;

import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;

/**
 * Writes Thrift frames in place: reserve the 4-byte length, write the message after it, then patch
 * the length in, so the message is encoded once straight into the outgoing buffer.
 *
 * <pre>{@code
 * int frame = Frames.begin(out);
 * ProtocolWriter writer = Protocol.COMPACT.newWriter(out);
 * ...write the message...
 * Frames.end(out, frame, config.maxFrameSize());
 * }</pre>
 *
 * <p>Stateless and thread-safe; the buffer is not.
 */
public final class Frames {
  private Frames() {}

  /**
   * Reserves the length prefix of a frame at the writer index of {@code out}.
   *
   * @param out the buffer the frame is written to
   * @return where the frame starts, to pass to {@link #end}
   */
  public static int begin(ByteBuf out) {
    int start = out.writerIndex();
    out.writeInt(0);
    return start;
  }

  /**
   * Completes the frame begun at {@code frameStart}: everything written since is its body.
   *
   * @param out the buffer passed to {@link #begin}
   * @param frameStart the value {@link #begin} returned
   * @param maxFrameSize the largest body the peer accepts, in bytes
   * @return the body's length
   * @throws ProtocolException of kind {@link Kind#SIZE_LIMIT} if the body is larger than {@code
   *     maxFrameSize}; the buffer is then left as it was before {@link #begin}
   */
  public static int end(ByteBuf out, int frameStart, int maxFrameSize) {
    int length = out.writerIndex() - frameStart - FrameDecoder.LENGTH_SIZE;
    if (length < 0) {
      throw new IllegalStateException("frame start " + frameStart + " is past the writer index");
    }
    if (length > maxFrameSize) {
      out.writerIndex(frameStart);
      throw new ProtocolException(
          Kind.SIZE_LIMIT, "frame length " + length + " exceeds limit " + maxFrameSize);
    }
    out.setInt(frameStart, length);
    return length;
  }
}

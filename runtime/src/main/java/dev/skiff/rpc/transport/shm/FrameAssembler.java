package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmMessages.FIRST;
import static dev.skiff.rpc.transport.shm.ShmMessages.LAST;
import static dev.skiff.rpc.transport.shm.ShmMessages.MIDDLE;
import static dev.skiff.rpc.transport.shm.ShmMessages.WHOLE;

import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.agrona.DirectBuffer;

/**
 * Turns one sender's ring messages back into frames: a {@link ShmMessages#WHOLE} message at once,
 * as a {@link RingView} of the ring's memory where it lies, fragments copied together once the
 * {@link ShmMessages#LAST} arrives; whole messages may come between the fragments of one larger
 * frame. A frame is handed on only when complete, so a sender that dies mid-frame leaves only a
 * partial buffer here, which {@link #reset()} drops. Not thread-safe: one reader per sender.
 */
final class FrameAssembler {
  private final ByteBufAllocator alloc;
  private final int maxFrameSize;
  private final RingView view;
  private ByteBuf partial;
  private int expected;

  /**
   * @param view the memory of the ring {@code onMessage}'s messages come from
   */
  FrameAssembler(ByteBufAllocator alloc, int maxFrameSize, RingView view) {
    this.alloc = alloc;
    this.maxFrameSize = maxFrameSize;
    this.view = view;
  }

  /**
   * Takes one message's payload (after any sender header), inside the ring read that found it.
   *
   * @return a complete frame body, or null while fragments are pending. The frame is valid only
   *     until the ring read returns (it may be a view of the ring); pass it to {@link #done} after.
   * @throws ProtocolException if the sender broke the fragment rules or the size limit
   */
  ByteBuf onMessage(int type, DirectBuffer buffer, int index, int length) {
    switch (type) {
      case WHOLE -> {
        // May arrive between the fragments of a larger frame: a sender's threads send small
        // frames without waiting for its one fragmented frame in progress.
        checkSize(length);
        return view.frame(index, length);
      }
      case FIRST -> {
        if (partial != null) {
          throw violation("a new fragmented frame began before the last one ended");
        }
        int total = buffer.getInt(index);
        checkSize(total);
        if (total < length - 4) {
          throw violation("first fragment is longer than its frame's length " + total);
        }
        expected = total;
        partial = alloc.heapBuffer(total);
        copy(buffer, index + 4, length - 4, partial);
        return null;
      }
      case MIDDLE, LAST -> {
        if (partial == null) {
          throw violation("a fragment arrived without a first fragment");
        }
        if (expected - partial.readableBytes() < length) {
          reset();
          throw violation("fragments exceed their frame's length " + expected);
        }
        copy(buffer, index, length, partial);
        if (type == MIDDLE) {
          return null;
        }
        ByteBuf frame = partial;
        partial = null;
        if (frame.readableBytes() != expected) {
          frame.release();
          throw violation("last fragment ends frame short of its length " + expected);
        }
        return frame;
      }
      default -> throw violation("unknown message type " + type);
    }
  }

  /** Gives back a frame {@link #onMessage} returned, once its reader is done with it. */
  void done(ByteBuf frame) {
    if (!view.holds(frame)) {
      frame.release();
    }
  }

  /** Drops a partial frame, if any. */
  void reset() {
    if (partial != null) {
      partial.release();
      partial = null;
    }
  }

  private void checkSize(int length) {
    if (length < 0 || length > maxFrameSize) {
      throw new ProtocolException(
          Kind.SIZE_LIMIT, "frame length " + length + " exceeds limit " + maxFrameSize);
    }
  }

  private ProtocolException violation(String message) {
    return new ProtocolException(Kind.INVALID_DATA, message);
  }

  private static ByteBuf copy(DirectBuffer from, int index, int length, ByteBuf to) {
    to.ensureWritable(length);
    from.getBytes(index, to.array(), to.arrayOffset() + to.writerIndex(), length);
    to.writerIndex(to.writerIndex() + length);
    return to;
  }
}

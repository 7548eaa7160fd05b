package dev.skiff.rpc.transport.shm;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.agrona.concurrent.AtomicBuffer;

/**
 * A Netty view of one ring's memory, so that a frame that came in one ring message is decoded where
 * it lies instead of being copied out first: a copy of a 1 KiB frame, and a buffer to copy it to,
 * were a measurable part of a round trip that costs about a microsecond and a half.
 *
 * <p>A frame from {@link #frame} is valid only until the ring read that found it returns, since the
 * ring may then hand its space to the next message (and a many-to-one ring zeroes it). Its reader
 * must therefore be done with it inside the read callback, and must neither release nor keep it;
 * where that cannot be promised, the frame is copied out instead (see {@link FrameAssembler}).
 *
 * <p>Not thread-safe: one view per reader of a ring, used on one thread at a time.
 */
final class RingView {
  private final ByteBuf memory;

  RingView(AtomicBuffer ring) {
    ByteBuffer mapped = ring.byteBuffer().duplicate();
    mapped.limit(ring.wrapAdjustment() + ring.capacity()).position(ring.wrapAdjustment());
    // Wrapped, not allocated: never released, and not tracked by the leak detector.
    memory = Unpooled.wrappedBuffer(mapped.slice());
  }

  /** The {@code length} bytes at {@code index} of the ring, readable from their first byte. */
  ByteBuf frame(int index, int length) {
    return memory.setIndex(index, index + length);
  }

  /** Whether {@code frame} is this view, which its taker must not release. */
  boolean holds(ByteBuf frame) {
    return frame == memory;
  }
}

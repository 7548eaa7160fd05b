package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmMessages.FIRST;
import static dev.skiff.rpc.transport.shm.ShmMessages.LAST;
import static dev.skiff.rpc.transport.shm.ShmMessages.MIDDLE;
import static dev.skiff.rpc.transport.shm.ShmMessages.REQUEST_HEADER;
import static dev.skiff.rpc.transport.shm.ShmMessages.WHOLE;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Writes frames into a ring, in one message when they fit and in fragments when they do not (see
 * {@link ShmMessages}). A fragmented frame's pieces must not interleave with another fragmented
 * frame from the same sender: callers hold a lock around fragmented writes.
 */
final class RingFrames {
  private RingFrames() {}

  /** What a sender does when the ring has no room for the next message. */
  interface Backpressure {
    /**
     * Called on each failed claim; returns to try again (after idling) or throws to give up.
     *
     * @param firstPiece true while nothing of the frame is in the ring yet, so that giving up
     *     leaves no partial frame behind
     */
    void full(boolean firstPiece);
  }

  /** Whether a body of {@code length} bytes travels as one message in {@code ring}. */
  static boolean fitsWhole(RingBuffer ring, boolean senderHeader, int length) {
    return (senderHeader ? REQUEST_HEADER : 0) + length <= ring.maxMsgLength();
  }

  /**
   * Writes the body of {@code frame} (its readable bytes after the 4-byte length prefix).
   *
   * @param senderHeader true to start every message with {@code slot} and {@code generation}
   */
  static void write(
      RingBuffer ring,
      boolean senderHeader,
      int slot,
      int generation,
      ByteBuf frame,
      Backpressure backpressure) {
    int body = frame.readerIndex() + 4;
    int length = frame.readableBytes() - 4;
    int header = senderHeader ? REQUEST_HEADER : 0;
    int max = ring.maxMsgLength();
    if (header + length <= max) {
      int index = claim(ring, WHOLE, header + length, true, backpressure);
      AtomicBuffer buffer = ring.buffer();
      putHeader(buffer, index, senderHeader, slot, generation);
      copy(frame, body, buffer, index + header, length);
      ring.commit(index);
      return;
    }
    int sent = 0;
    boolean first = true;
    while (sent < length) {
      int prefix = header + (first ? 4 : 0);
      int chunk = Math.min(max - prefix, length - sent);
      int type = first ? FIRST : sent + chunk == length ? LAST : MIDDLE;
      int index = claim(ring, type, prefix + chunk, first, backpressure);
      AtomicBuffer buffer = ring.buffer();
      putHeader(buffer, index, senderHeader, slot, generation);
      if (first) {
        buffer.putInt(index + header, length);
      }
      copy(frame, body + sent, buffer, index + prefix, chunk);
      ring.commit(index);
      sent += chunk;
      first = false;
    }
  }

  /** Writes a message without payload beyond the optional sender header; false if full. */
  static boolean tryWriteControl(
      RingBuffer ring, int type, boolean senderHeader, int slot, int generation) {
    int header = senderHeader ? REQUEST_HEADER : 0;
    int index = ring.tryClaim(type, Math.max(header, 4));
    if (index < 0) {
      return false;
    }
    AtomicBuffer buffer = ring.buffer();
    if (senderHeader) {
      putHeader(buffer, index, true, slot, generation);
    } else {
      buffer.putInt(index, 0);
    }
    ring.commit(index);
    return true;
  }

  private static int claim(
      RingBuffer ring, int type, int length, boolean first, Backpressure backpressure) {
    while (true) {
      int index = ring.tryClaim(type, length);
      if (index >= 0) {
        return index;
      }
      backpressure.full(first);
    }
  }

  private static void putHeader(
      AtomicBuffer buffer, int index, boolean senderHeader, int slot, int generation) {
    if (senderHeader) {
      buffer.putInt(index, slot);
      buffer.putInt(index + 4, generation);
    }
  }

  private static void copy(ByteBuf from, int fromIndex, AtomicBuffer to, int toIndex, int length) {
    if (from.hasArray()) {
      to.putBytes(toIndex, from.array(), from.arrayOffset() + fromIndex, length);
    } else {
      ByteBuffer source = from.nioBuffer(fromIndex, length);
      to.putBytes(toIndex, source, source.position(), length);
    }
  }
}

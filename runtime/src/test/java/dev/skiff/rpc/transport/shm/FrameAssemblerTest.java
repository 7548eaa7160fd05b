package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmMessages.FIRST;
import static dev.skiff.rpc.transport.shm.ShmMessages.LAST;
import static dev.skiff.rpc.transport.shm.ShmMessages.MIDDLE;
import static dev.skiff.rpc.transport.shm.ShmMessages.WHOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.protocol.ProtocolException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole frames are read where they lie in the ring; fragmented ones are copied together. */
@Timeout(30)
class FrameAssemblerTest {
  /** A ring's memory: a slice at an offset of a larger direct buffer, as a segment's rings are. */
  private final UnsafeBuffer ring =
      new UnsafeBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(8192)), 1024, 4096);

  private final FrameAssembler assembler =
      new FrameAssembler(ShmBuffers.INSTANCE, 1000, new RingView(ring));

  private int put(int index, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    ring.putBytes(index, bytes);
    return bytes.length;
  }

  private static String text(ByteBuf frame) {
    return frame.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void aWholeFrameIsAViewOfTheRingAtItsIndex() {
    int length = put(200, "hello, ring");
    ByteBuf frame = assembler.onMessage(WHOLE, ring, 200, length);
    assertEquals("hello, ring", text(frame));
    // No copy: the frame is the ring's memory, which is why it must not outlive the ring read.
    ring.putByte(200, (byte) 'j');
    assertEquals("jello, ring", text(frame));
    assembler.done(frame);
    assertEquals(1, frame.refCnt(), "the view was released");
  }

  @Test
  void aFragmentedFrameIsCopiedOutAndReleasedWhenDone() {
    ring.putInt(0, 11);
    int first = 4 + put(4, "hello");
    assertNull(assembler.onMessage(FIRST, ring, 0, first));
    int middle = put(100, ", ");
    assertNull(assembler.onMessage(MIDDLE, ring, 100, middle));
    int last = put(300, "ring");
    ByteBuf frame = assembler.onMessage(LAST, ring, 300, last);
    ring.setMemory(0, 400, (byte) 0);
    assertEquals("hello, ring", text(frame));
    assembler.done(frame);
    assertEquals(0, frame.refCnt());
  }

  @Test
  void aWholeFrameBetweenFragmentsLeavesTheFragmentedOneIntact() {
    ring.putInt(0, 6);
    assertNull(assembler.onMessage(FIRST, ring, 0, 4 + put(4, "abc")));
    ByteBuf whole = assembler.onMessage(WHOLE, ring, 500, put(500, "xyz"));
    assertEquals("xyz", text(whole));
    assembler.done(whole);
    ByteBuf frame = assembler.onMessage(LAST, ring, 600, put(600, "def"));
    assertEquals("abcdef", text(frame));
    assembler.done(frame);
  }

  @Test
  void aWholeFrameOverTheLimitIsRefused() {
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> assembler.onMessage(WHOLE, ring, 0, 1001));
    assertEquals(ProtocolException.Kind.SIZE_LIMIT, e.kind());
  }

  @Test
  void theViewCoversTheWholeRingAndNothingElse() {
    RingView view = new RingView(ring);
    ring.putByte(0, (byte) 1);
    ring.putByte(ring.capacity() - 1, (byte) 2);
    ByteBuf all = view.frame(0, ring.capacity());
    assertEquals(1, all.getByte(0));
    assertEquals(2, all.getByte(ring.capacity() - 1));
    assertThrows(IndexOutOfBoundsException.class, () -> view.frame(0, ring.capacity() + 1));
    assertTrue(view.holds(all));
    ByteBuf copy = all.copy();
    assertFalse(view.holds(copy));
    copy.release();
  }
}

package dev.skiff.rpc.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Recycled frame buffers: reused once released, never while referenced. */
@Timeout(30)
class ShmBuffersTest {
  private final ShmBuffers buffers = ShmBuffers.INSTANCE;

  @Test
  void aReleasedBufferIsTakenAgainEmptyWithItsGrownCapacity() {
    ByteBuf first = buffers.ioBuffer();
    assertFalse(first.isDirect());
    first.writeBytes(new byte[1000]);
    int grown = first.capacity();
    first.release();

    ByteBuf second = buffers.ioBuffer();
    assertSame(first, second);
    assertEquals(1, second.refCnt());
    assertEquals(0, second.readableBytes());
    assertEquals(grown, second.capacity());
    second.release();
  }

  @Test
  void aBufferStillReferencedIsNotReused() {
    ByteBuf held = buffers.heapBuffer(64);
    held.retain();
    held.release();
    ByteBuf other = buffers.heapBuffer(64);
    assertNotSame(held, other);
    held.writeInt(42);
    other.writeInt(7);
    assertEquals(42, held.getInt(0));
    held.release();
    other.release();
  }

  @Test
  void twoBuffersHeldAtOnceAreBothKept() {
    ByteBuf request = buffers.heapBuffer(100);
    ByteBuf reply = buffers.ioBuffer();
    request.release();
    reply.release();
    ByteBuf a = buffers.ioBuffer();
    ByteBuf b = buffers.ioBuffer();
    assertTrue((a == request && b == reply) || (a == reply && b == request));
    a.release();
    b.release();
  }

  @Test
  void aBufferReleasedOnAnotherThreadGoesBackToItsOwner() throws Exception {
    // On a thread of its own: the test thread's cache may hold spares from earlier tests, which a
    // take would prefer to the one handed back.
    FutureTask<Boolean> owner =
        new FutureTask<>(
            () -> {
              ByteBuf buffer = buffers.ioBuffer();
              CompletableFuture.runAsync(buffer::release).get();
              ByteBuf again = buffers.ioBuffer();
              again.release();
              return again == buffer;
            });
    new Thread(owner, "buffer owner").start();
    assertTrue(owner.get());
  }

  @Test
  void aLargeBufferIsNotKept() {
    ByteBuf large = buffers.heapBuffer(ShmBuffers.MAX_CACHED + 1);
    large.release();
    ByteBuf next = buffers.heapBuffer(ShmBuffers.MAX_CACHED + 1);
    assertNotSame(large, next);
    next.release();
  }
}

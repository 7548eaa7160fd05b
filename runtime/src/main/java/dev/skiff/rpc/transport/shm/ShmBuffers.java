package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.internal.Buffers;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * The buffers the shm transport encodes frames into and copies received frames out to: heap buffers
 * that go back to a one-buffer cache of the thread that took them when released, so that a sync
 * call, which takes one buffer for its request and one for its reply, in turn, takes the same one
 * both times.
 *
 * <p>Why not the pooled allocator every other transport uses: its allocation and release cost more
 * than the rest of a shared-memory hand-off (a round trip is about a microsecond), its leak
 * detector now and then records a stack trace on the call path, and its default direct buffers
 * start at 256 bytes and are copied as they grow. A heap buffer is written without bounds-checked
 * native accesses and copied into a ring in one {@code Unsafe} copy. A buffer that is still
 * referenced is not reused (retaining a frame keeps it), one released on another thread goes back
 * to the thread that took it, and one that grew past {@link #MAX_CACHED} is left to the collector
 * rather than pinned per thread.
 *
 * <p>Thread-safe. A buffer must not be used after its last release: it may already hold another
 * frame (a use after release is caught by Netty's own checks on other allocators, not here).
 */
final class ShmBuffers extends AbstractByteBufAllocator {
  static final ShmBuffers INSTANCE = new ShmBuffers();

  /**
   * The largest buffer a thread keeps for reuse: enough for a frame carrying 64 KiB (the buffer
   * doubles past it to 128 KiB), since dropping those made every such call allocate and copy its
   * way up from 256 bytes again, on both sides (526 KB per 64 KiB echo; shm p50 150 µs against 64
   * µs). A thread keeps at most {@code Cache.SLOTS} of them.
   */
  static final int MAX_CACHED = 256 * 1024;

  private static final int INITIAL_CAPACITY = 256;

  private final ThreadLocal<Cache> caches = ThreadLocal.withInitial(Cache::new);

  private ShmBuffers() {
    super(false);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    Cache cache = caches.get();
    Recycled buffer = cache.take();
    if (buffer != null) {
      if (buffer.capacity() >= initialCapacity && buffer.maxCapacity() == maxCapacity) {
        buffer.reuse();
        return buffer;
      }
      cache.put(buffer);
    }
    return new Recycled(this, cache, Math.max(initialCapacity, INITIAL_CAPACITY), maxCapacity);
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return Buffers.allocator().directBuffer(initialCapacity, maxCapacity);
  }

  @Override
  public ByteBuf ioBuffer() {
    return heapBuffer();
  }

  @Override
  public ByteBuf ioBuffer(int initialCapacity) {
    return heapBuffer(initialCapacity);
  }

  @Override
  public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
    return heapBuffer(initialCapacity, maxCapacity);
  }

  @Override
  public boolean isDirectBufferPooled() {
    return Buffers.allocator().isDirectBufferPooled();
  }

  /**
   * One thread's spare buffers: a few, since a server thread holds a request while it encodes the
   * reply. Only the owner touches the stack; a buffer released on another thread is handed back
   * through {@code returned} (at worst one is left to the collector when two race).
   */
  private static final class Cache {
    private static final int SLOTS = 4;
    private final Thread owner = Thread.currentThread();
    private final Recycled[] stack = new Recycled[SLOTS];
    private int size;
    private volatile Recycled returned;

    Recycled take() {
      if (size > 0) {
        Recycled buffer = stack[--size];
        stack[size] = null;
        return buffer;
      }
      Recycled buffer = returned;
      if (buffer != null) {
        returned = null;
      }
      return buffer;
    }

    void put(Recycled buffer) {
      if (Thread.currentThread() != owner) {
        returned = buffer;
      } else if (size < SLOTS) {
        stack[size++] = buffer;
      }
    }
  }

  private static final class Recycled extends UnpooledHeapByteBuf {
    private final Cache home;

    Recycled(ByteBufAllocator alloc, Cache home, int initialCapacity, int maxCapacity) {
      super(alloc, initialCapacity, maxCapacity);
      this.home = home;
    }

    void reuse() {
      resetRefCnt();
      clear();
    }

    @Override
    protected void deallocate() {
      if (capacity() <= MAX_CACHED) {
        home.put(this);
      } else {
        super.deallocate();
      }
    }
  }
}

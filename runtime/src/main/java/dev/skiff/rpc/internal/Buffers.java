package dev.skiff.rpc.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Where Skiff's transports take the buffers they read frames into and encode frames into.
 *
 * <p>Netty's pooled allocator, unless {@code -Dio.netty.allocator.type} names another. Netty 4.2's
 * default, the adaptive allocator, pools buffers above 16.5 KiB only in JVMs whose heap is over 512
 * MiB; in smaller ones every such buffer is a fresh, zeroed {@code ByteBuffer.allocateDirect} that
 * is freed again when released. A server in a small container then pays that for every large frame
 * it reads or writes: 4 to 18 µs a 64 KiB echo on the benchmark machine. The pooled allocator
 * reuses large buffers whatever the heap.
 */
public final class Buffers {
  private static final ByteBufAllocator ALLOCATOR =
      System.getProperty("io.netty.allocator.type") == null
          ? PooledByteBufAllocator.DEFAULT
          : ByteBufAllocator.DEFAULT;

  private Buffers() {}

  /** The allocator of every transport's frames. */
  public static ByteBufAllocator allocator() {
    return ALLOCATOR;
  }
}

package dev.skiff.rpc.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Where Skiff's transports take the buffers they read frames into and encode frames into.
 *
 * <p>A pooled allocator of Skiff's own, unless {@code -Dio.netty.allocator.type} names one: then
 * Netty's default. Netty 4.2's default, the adaptive allocator, pools buffers above 16.5 KiB only
 * in JVMs whose heap is over 512 MiB; in smaller ones every such buffer is a fresh, zeroed {@code
 * ByteBuffer.allocateDirect} that is freed again when released. A server in a small container then
 * pays that for every large frame it reads or writes: 9 to 15 µs of a 64 KiB echo on the benchmark
 * machine. The pooled allocator reuses large buffers whatever the heap.
 *
 * <p>Unlike {@link PooledByteBufAllocator#DEFAULT}, this one gives every thread a cache, not only
 * Netty's: frames are encoded on the calling threads, and a caller-thread connection's reader
 * thread encodes the calls its replies' callbacks make. Without the cache each of those allocations
 * takes the arena's lock: one connection with 256 async calls in flight made 15 to 20% fewer calls
 * a second across cores. {@code -Dio.netty.allocator.useCacheForAllThreads=false} turns the caches
 * off.
 */
public final class Buffers {
  private static final ByteBufAllocator ALLOCATOR =
      System.getProperty("io.netty.allocator.type") == null ? pooled() : ByteBufAllocator.DEFAULT;

  private Buffers() {}

  /** The allocator of every transport's frames. */
  public static ByteBufAllocator allocator() {
    return ALLOCATOR;
  }

  private static PooledByteBufAllocator pooled() {
    return new PooledByteBufAllocator(
        PooledByteBufAllocator.defaultPreferDirect(),
        PooledByteBufAllocator.defaultNumHeapArena(),
        PooledByteBufAllocator.defaultNumDirectArena(),
        PooledByteBufAllocator.defaultPageSize(),
        PooledByteBufAllocator.defaultMaxOrder(),
        PooledByteBufAllocator.defaultSmallCacheSize(),
        PooledByteBufAllocator.defaultNormalCacheSize(),
        Boolean.parseBoolean(
            System.getProperty("io.netty.allocator.useCacheForAllThreads", "true")));
  }
}

package dev.skiff.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.internal.Buffers;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both ends of a socket connection take their buffers from {@link Buffers#allocator()}, which pools
 * large ones whatever the heap size (Netty 4.2's default allocator pools nothing above 16.5 KiB in
 * a JVM whose heap is 512 MiB or less) and gives the threads that encode calls a cache each.
 */
@Timeout(30)
class SocketBuffersTest {
  private static final int MAX_FRAME = 16 * 1024 * 1024;
  private static final SocketServerOptions SERVER =
      new SocketServerOptions(1, 16, Duration.ZERO, Duration.ZERO, 32 * 1024, 64 * 1024, null);

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @Test
  void theAllocatorPoolsUnlessNettyIsToldOtherwise() {
    assertEquals(null, System.getProperty("io.netty.allocator.type"), "this test's premise");
    PooledByteBufAllocator pooled =
        assertInstanceOf(PooledByteBufAllocator.class, Buffers.allocator());
    assertTrue(pooled.isDirectBufferPooled());
  }

  @Test
  void threadsOtherThanNettysAllocateThroughACacheOfTheirOwn() throws Exception {
    PooledByteBufAllocator pooled = (PooledByteBufAllocator) Buffers.allocator();
    int rounds = 1_000;
    long before = smallDeallocations(pooled);
    Thread caller =
        new Thread(
            () -> {
              for (int i = 0; i < rounds; i++) {
                pooled.directBuffer(256).release();
              }
            });
    caller.start();
    caller.join();
    long returned = smallDeallocations(pooled) - before;
    assertTrue(
        returned < rounds / 2,
        "released buffers stay in the thread's cache; the arenas took back " + returned);
  }

  private static long smallDeallocations(PooledByteBufAllocator pooled) {
    return pooled.metric().directArenas().stream()
        .mapToLong(PoolArenaMetric::numSmallDeallocations)
        .sum();
  }

  @ParameterizedTest
  @EnumSource(IoMode.class)
  void bothEndsOfATcpConnectionAllocateFromThePool(IoMode clientIo) throws Exception {
    CompletableFuture<FrameConnection> accepted = new CompletableFuture<>();
    Address any = Address.parse("tcp://127.0.0.1:0");
    try (ServerTransport.Listener listener =
        Transports.server(any, MAX_FRAME, SERVER, null)
            .listen(
                any,
                connection -> {
                  accepted.complete(connection);
                  return new Quiet();
                })) {
      ClientTransport client =
          Transports.client(
              listener.localAddress(),
              MAX_FRAME,
              new SocketClientOptions(false, null, clientIo),
              null);
      Quiet clientEnd =
          client
              .connect(
                  listener.localAddress(),
                  Duration.ofSeconds(5),
                  connection -> new Quiet(connection))
              .get(5, TimeUnit.SECONDS);
      try {
        assertSame(Buffers.allocator(), accepted.get(5, TimeUnit.SECONDS).alloc(), "server end");
        assertSame(Buffers.allocator(), clientEnd.connection.alloc(), "client end");
        ByteBuf frame = clientEnd.connection.newFrameBuffer();
        try {
          assertSame(Buffers.allocator(), frame.alloc(), "frames are encoded into pooled buffers");
        } finally {
          frame.release();
        }
      } finally {
        clientEnd.connection.close();
      }
    }
  }

  /** A handler that expects nothing. */
  private static final class Quiet implements FrameHandler {
    final FrameConnection connection;

    Quiet() {
      this(null);
    }

    Quiet(FrameConnection connection) {
      this.connection = connection;
    }

    @Override
    public void frameReceived(ByteBuf frame) {
      frame.release();
    }

    @Override
    public void connectionClosed(Throwable cause) {}
  }
}

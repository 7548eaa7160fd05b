package dev.skiff.rpc.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.ServerTransport;
import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's receiver thread parks while sync callers poll for their own replies; whoever needs
 * it back must wake it. Here its park has no time limit worth the name (10 minutes), so a missed
 * wake-up is a call that never completes rather than one up to 100 ms late.
 *
 * <p>Frame level: each frame carries a call number, the server echoes it (at once, or after a
 * delay), and the client completes the future made for that number.
 */
@Timeout(60)
class ShmReceiverStandsAsideTest {
  private static final int MAX_FRAME = 1 << 20;
  private static long savedStandAside;

  @TempDir Path dir;

  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final Map<Integer, CompletableFuture<Integer>> calls = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private ServerTransport.Listener listener;
  private FrameConnection connection;

  /** The first call number whose reply the server sends 50 ms late. */
  private volatile int slowFrom = Integer.MAX_VALUE;

  @BeforeAll
  static void parkForLong() {
    savedStandAside = ShmClientConnection.standAsideNanos;
    ShmClientConnection.standAsideNanos = TimeUnit.MINUTES.toNanos(10);
  }

  @AfterAll
  static void restore() {
    ShmClientConnection.standAsideNanos = savedStandAside;
  }

  @BeforeEach
  void connect() throws Exception {
    ShmConfig config = ShmConfig.builder().directory(dir).build();
    Address address = Address.shm("stand-aside-" + UUID.randomUUID());
    listener = new ShmServerTransport(config, MAX_FRAME).listen(address, EchoNumbers::new);
    connection =
        new ShmClientTransport(config, MAX_FRAME)
            .connect(address, Duration.ofSeconds(10), ClientNumbers::new)
            .get(10, TimeUnit.SECONDS)
            .connection;
  }

  @AfterEach
  void close() {
    connection.close();
    listener.close();
    later.shutdownNow();
  }

  @Test
  void asyncCallAfterSyncCallsWakesTheReceiver() throws Exception {
    for (int i = 0; i < 200; i++) {
      syncCall();
    }
    // The last sync caller left the receiver parked, with nothing in flight.
    assertTrue(whenDone(asyncCall()).await(20, TimeUnit.SECONDS), "async reply never read");
  }

  @Test
  void syncCallerThatStopsPollingHandsItsReplyToTheReceiver() throws Exception {
    slowFrom = 0; // the reply comes 50 ms later; the caller polls for 200 us, then waits
    syncCall();
    syncCall();
  }

  @Test
  void asyncCallsMadeWhileSyncCallersPollAllComplete() throws Exception {
    slowFrom = 0;
    List<CompletableFuture<Integer>> async = new ArrayList<>();
    CompletableFuture<Void> syncCalls =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 20; i++) {
                  syncCall();
                }
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    for (int i = 0; i < 50; i++) {
      async.add(asyncCall());
      Thread.sleep(1);
    }
    syncCalls.get(30, TimeUnit.SECONDS);
    CountDownLatch done = new CountDownLatch(async.size());
    async.forEach(call -> call.whenComplete((n, failure) -> done.countDown()));
    assertTrue(done.await(20, TimeUnit.SECONDS), done.getCount() + " async replies never read");
  }

  /** A call whose caller polls for the reply, as a sync stub's does. */
  private void syncCall() throws Exception {
    int number = numbers.incrementAndGet();
    assertEquals(number, send(number, true).get(20, TimeUnit.SECONDS), "its own reply");
  }

  private CompletableFuture<Integer> asyncCall() {
    return send(numbers.incrementAndGet(), false);
  }

  private CompletableFuture<Integer> send(int number, boolean callerWaits) {
    CompletableFuture<Integer> call = connection.newCallFuture(callerWaits);
    calls.put(number, call);
    ByteBuf frame = connection.alloc().heapBuffer(8);
    frame.writeInt(4).writeInt(number);
    connection.send(frame, failure -> assertEquals(null, failure));
    return call;
  }

  /** A latch released when {@code call} completes, without the waiting thread polling. */
  private static CountDownLatch whenDone(CompletableFuture<?> call) {
    CountDownLatch done = new CountDownLatch(1);
    call.whenComplete((value, failure) -> done.countDown());
    return done;
  }

  private final class ClientNumbers implements FrameHandler {
    final FrameConnection connection;

    ClientNumbers(FrameConnection connection) {
      this.connection = connection;
    }

    @Override
    public void frameReceived(ByteBuf frame) {
      int number = frame.getInt(frame.readerIndex());
      calls.remove(number).complete(number);
    }

    @Override
    public void connectionClosed(Throwable cause) {}
  }

  private final class EchoNumbers implements FrameHandler {
    private final FrameConnection connection;

    EchoNumbers(FrameConnection connection) {
      this.connection = connection;
    }

    @Override
    public void frameReceived(ByteBuf frame) {
      int number = frame.getInt(frame.readerIndex());
      if (number >= slowFrom) {
        later.schedule(() -> reply(number), 50, TimeUnit.MILLISECONDS);
      } else {
        reply(number);
      }
    }

    private void reply(int number) {
      ByteBuf reply = connection.alloc().heapBuffer(8);
      connection.send(reply.writeInt(4).writeInt(number), null);
    }

    @Override
    public void connectionClosed(Throwable cause) {}
  }
}

package dev.skiff.rpc.transport.shm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.transport.FrameConnection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timeouts fire, not early; cancelled ones, before or after the sweep took them, never do. */
@Timeout(30)
class ShmTimeoutsTest {
  private final ExecutorService runner = Executors.newSingleThreadExecutor();
  private final ShmTimeouts timeouts = new ShmTimeouts(Thread::new, runner);

  @AfterEach
  void stop() {
    timeouts.stop();
    runner.shutdownNow();
  }

  @Test
  void firesAfterItsDelay() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    long start = System.nanoTime();
    long[] firedAt = new long[1];
    timeouts.schedule(
        () -> {
          firedAt[0] = System.nanoTime();
          fired.countDown();
        },
        TimeUnit.MILLISECONDS.toNanos(50));
    assertTrue(fired.await(5, TimeUnit.SECONDS));
    assertTrue(firedAt[0] - start >= TimeUnit.MILLISECONDS.toNanos(50), "fired early");
  }

  @Test
  void cancelledTimeoutsDoNotFire() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    // Cancelled before the sweep takes it.
    timeouts.schedule(runs::incrementAndGet, TimeUnit.MILLISECONDS.toNanos(30)).cancel();
    // Cancelled once it is on the wheel.
    FrameConnection.Cancellable later =
        timeouts.schedule(runs::incrementAndGet, TimeUnit.MILLISECONDS.toNanos(200));
    Thread.sleep(3 * ShmTimeouts.TICK_MILLIS);
    later.cancel();
    // A timeout set after both, firing after them: when it has run, they would have.
    CountDownLatch marker = new CountDownLatch(1);
    timeouts.schedule(marker::countDown, TimeUnit.MILLISECONDS.toNanos(300));
    assertTrue(marker.await(5, TimeUnit.SECONDS));
    assertFalse(runs.get() > 0, "a cancelled timeout ran");
  }
}

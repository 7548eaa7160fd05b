package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.transport.FrameConnection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The threads the shm transport shares within a process, and its idle strategies.
 *
 * <p>Heartbeats and liveness checks run on one dedicated thread that never runs user code: a user
 * callback that blocked there would stop this process's heartbeats and make its peers declare it
 * dead. Work that completes calls (and so runs user callbacks) runs on a separate thread.
 *
 * <p>Call timeouts are {@link ShmTimeouts}: setting and cancelling one wakes no thread and costs an
 * atomic exchange and a flag. A Netty event loop or a {@code ScheduledThreadPoolExecutor} would
 * wake a thread for each, and on a round trip of a microsecond those wake-ups were the largest
 * cost. Timeouts fire up to two 10 ms ticks late.
 */
final class ShmThreads {
  /**
   * Back-off tuned for round trips of a few microseconds: spin about as long as a round trip takes
   * (yielding now and then, so that a peer on the same core runs), yield a while, then sleep from 1
   * us up to 1 ms.
   */
  private static final int SPINS = 2_000;

  /**
   * Spins between yields, for receivers and for callers polling for their replies. Every 100: a
   * 32-byte round trip with client and server on one core 124 -> 9 µs, across cores 0.63 µs either
   * way. Every 10 did better on one core (3.0 µs) but in some runs took 1.9 µs across cores; every
   * 30 took 4.4 µs on one core and brought 1 KiB across cores to 1.9 times the mapped floor.
   */
  static final int YIELD_EVERY = 100;

  private static final int YIELDS = 200;
  private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(1);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final ScheduledExecutorService HEARTBEATS =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "skiff-shm-heartbeat");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            return thread;
          });

  private static final ScheduledThreadPoolExecutor CALLBACKS = newCallbacks();

  private static ScheduledThreadPoolExecutor newCallbacks() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "skiff-shm-timer");
              thread.setDaemon(true);
              return thread;
            });
    // Cancelled timeouts leave the queue at once, not when they would have fired.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static final ShmTimeouts TIMEOUTS =
      new ShmTimeouts(
          runnable -> {
            Thread thread = new Thread(runnable, "skiff-shm-timeouts");
            thread.setDaemon(true);
            return thread;
          },
          CALLBACKS);

  private static final ExecutorService CONNECTS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "skiff-shm-connect");
            thread.setDaemon(true);
            return thread;
          });

  private ShmThreads() {}

  static ScheduledExecutorService heartbeats() {
    return HEARTBEATS;
  }

  /** For connection handshakes, which wait on the peer. */
  static ExecutorService connects() {
    return CONNECTS;
  }

  /** Runs fired timeouts and the completion of calls failed by a liveness check. */
  static FrameConnection.Cancellable timeout(Runnable task, long delayNanos) {
    return TIMEOUTS.schedule(task, delayNanos);
  }

  static ScheduledExecutorService callbacks() {
    return CALLBACKS;
  }

  static IdleStrategy idle(ShmConfig.IdleMode mode) {
    return switch (mode) {
      case BUSY_SPIN -> new BusySpinIdleStrategy();
      case BACKOFF ->
          new SpinYieldBackoff(SPINS, YIELD_EVERY, YIELDS, MIN_PARK_NANOS, MAX_PARK_NANOS);
    };
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}

package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.transport.FrameConnection;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * Call timeouts, cheap to set and to cancel. Nearly every call ends within microseconds, long
 * before its timeout, so a new timeout only goes into a queue (one atomic exchange, no clock read),
 * and cancelling it sets a flag. Every tick a sweep drains the queue: cancelled timeouts are
 * dropped, the others go onto a hashed wheel, which runs them unless they are cancelled by then.
 * Setting a timeout on the wheel directly costs several atomic operations per call and a clock
 * read, and its cancellation another queue insert: on a round trip of a microsecond, a tenth of it.
 *
 * <p>A timeout's clock starts when the sweep takes it, up to a tick after it was set, and the wheel
 * fires up to a tick late: a timeout fires up to two ticks (20 ms) late, never early. Thread-safe.
 */
final class ShmTimeouts {
  static final long TICK_MILLIS = 10;

  private final ManyToOneConcurrentLinkedQueue<Entry> fresh =
      new ManyToOneConcurrentLinkedQueue<>();
  private final HashedWheelTimer wheel;

  /**
   * @param threads makes the wheel's thread
   * @param runner runs sweeps and fired timeouts; must not run user code that blocks for long
   */
  ShmTimeouts(ThreadFactory threads, Executor runner) {
    this.wheel =
        new HashedWheelTimer(threads, TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false, -1, runner);
    wheel.newTimeout(this::sweep, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} after {@code delayNanos}, unless the returned handle is cancelled first. */
  FrameConnection.Cancellable schedule(Runnable task, long delayNanos) {
    Entry entry = new Entry(task, delayNanos);
    fresh.offer(entry);
    return entry;
  }

  /** Stops the wheel; timeouts not yet fired never will. The process's own instance never stops. */
  void stop() {
    wheel.stop();
  }

  private void sweep(Timeout tick) {
    try {
      Entry entry;
      while ((entry = fresh.poll()) != null) {
        if (!entry.cancelled) {
          entry.arm(wheel);
        }
      }
    } finally {
      wheel.newTimeout(this::sweep, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private static final class Entry implements FrameConnection.Cancellable, TimerTask {
    private static final VarHandle CANCELLED;

    static {
      try {
        CANCELLED = MethodHandles.lookup().findVarHandle(Entry.class, "cancelled", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Runnable task;
    private final long delayNanos;
    private volatile boolean cancelled;
    private volatile Timeout armed;

    Entry(Runnable task, long delayNanos) {
      this.task = task;
      this.delayNanos = delayNanos;
    }

    void arm(HashedWheelTimer wheel) {
      Timeout timeout = wheel.newTimeout(this, delayNanos, TimeUnit.NANOSECONDS);
      armed = timeout;
      if (cancelled) {
        timeout.cancel(); // cancelled meanwhile: leave the wheel now rather than at its deadline
      }
    }

    @Override
    public void cancel() {
      // A release store, not a volatile one: no fence on the call's path. If this races with the
      // sweep arming the entry and misses it, the wheel keeps the entry until its deadline, when
      // run() sees the flag and does nothing.
      CANCELLED.setRelease(this, true);
      Timeout timeout = armed;
      if (timeout != null) {
        timeout.cancel();
      }
    }

    @Override
    public void run(Timeout timeout) {
      if (!cancelled) {
        task.run();
      }
    }
  }
}

package dev.skiff.interop.rpc;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on conditions, with a deadline, so that no test sleeps for a guessed time. */
final class Await {
  private Await() {}

  /** Returns once {@code condition} holds; fails with {@code what} after {@code timeout}. */
  static void until(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  /** The next element of {@code queue}; fails with {@code what} after {@code timeout}. */
  static <T> T next(BlockingQueue<T> queue, Duration timeout, String what)
      throws InterruptedException {
    T next = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
    return next;
  }
}

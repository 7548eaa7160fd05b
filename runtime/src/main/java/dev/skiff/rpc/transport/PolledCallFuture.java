package dev.skiff.rpc.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call's future whose blocking methods put the waiting thread to work for the reply first: it
 * polls a ring or reads a socket itself ({@link #awaitReply}), so that the reply reaches it without
 * a thread hand-off. What {@link FrameConnection#newCallFuture} returns for transports that can do
 * that. Dependent stages are plain futures.
 */
public abstract class PolledCallFuture<T> extends CompletableFuture<T> {
  /** For {@link #awaitReply}: wait without a deadline. */
  public static final long NO_DEADLINE = Long.MIN_VALUE;

  /**
   * Works for the reply until this future is done or {@code deadline} ({@link System#nanoTime}, or
   * {@link #NO_DEADLINE}) passes; may return earlier, in which case the caller waits as on any
   * future, for another thread to complete it.
   */
  protected abstract void awaitReply(long deadline) throws InterruptedException;

  @Override
  public T get() throws InterruptedException, ExecutionException {
    if (!isDone()) {
      awaitReply(NO_DEADLINE);
    }
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    if (!isDone()) {
      awaitReply(deadline);
    }
    return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public T join() {
    if (!isDone()) {
      try {
        awaitReply(NO_DEADLINE);
      } catch (InterruptedException e) {
        // join is not interruptible: wait on as CompletableFuture would, keeping the interrupt.
        Thread.currentThread().interrupt();
      }
    }
    return super.join();
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}

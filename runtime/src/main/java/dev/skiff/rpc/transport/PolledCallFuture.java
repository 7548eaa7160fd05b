package dev.skiff.rpc.transport;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call's future whose blocking methods put the waiting thread to work for the reply first: it
 * polls a ring or reads a socket itself ({@link #awaitReply}), so that the reply reaches it without
 * a thread hand-off. What {@link FrameConnection#newCallFuture} returns for transports that can do
 * that. Dependent stages are plain futures.
 *
 * <p>A sync call's future can also keep its call's time ({@link #timeBy}): the thread waiting for
 * the reply is awake at the deadline anyway, so it ends the call itself, and the call needs no
 * timer. Taking a timer and cancelling it touch a shared wheel on every call, on the path from one
 * reply to the next request.
 */
public abstract class PolledCallFuture<T> extends CompletableFuture<T> {
  /** For {@link #awaitReply}: wait without a deadline. */
  public static final long NO_DEADLINE = Long.MIN_VALUE;

  /** The call behind a future that keeps its time. */
  public interface TimedCall {
    /** Its deadline passed undecided: fail it with its timeout. */
    void expire();

    /** The future was decided, whichever way: forget the call. */
    void decided();
  }

  // Set before the call is sent; the completing thread sees them through the registry of pending
  // calls it looks the call up in.
  private TimedCall call;
  private long callDeadline = NO_DEADLINE;

  /**
   * Makes this future keep {@code call}'s time: the thread that waits in {@link #get()} or {@link
   * #join()} ends the call at {@code deadline} ({@link System#nanoTime}). For sync calls only,
   * whose caller is about to wait. Call once, before the call is sent.
   */
  public void timeBy(TimedCall call, long deadline) {
    this.call = call;
    this.callDeadline = deadline;
  }

  /**
   * Works for the reply until this future is done or {@code deadline} ({@link System#nanoTime}, or
   * {@link #NO_DEADLINE}) passes; may return earlier, in which case the caller waits as on any
   * future, for another thread to complete it.
   */
  protected abstract void awaitReply(long deadline) throws InterruptedException;

  /** Called once, on the thread that decided this future, after it did. */
  protected void onDecided() {}

  @Override
  public T get() throws InterruptedException, ExecutionException {
    waitForCall(NO_DEADLINE);
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    waitForCall(deadline);
    return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public T join() {
    try {
      waitForCall(NO_DEADLINE);
    } catch (InterruptedException e) {
      // join is not interruptible: wait on as CompletableFuture would, keeping the interrupt.
      Thread.currentThread().interrupt();
    }
    return super.join();
  }

  /**
   * Works for the reply until this future is done or {@code until} passes, whichever is first; if
   * it keeps its call's time and the call's deadline comes first, waits until then and ends the
   * call.
   */
  private void waitForCall(long until) throws InterruptedException {
    if (isDone()) {
      return;
    }
    TimedCall timed = call;
    long deadline = callDeadline;
    boolean callEndsFirst = timed != null && (until == NO_DEADLINE || deadline - until <= 0);
    awaitReply(callEndsFirst ? deadline : until);
    if (!callEndsFirst || isDone()) {
      return;
    }
    // awaitReply may return before the deadline; wait as on any future for the rest of the time.
    try {
      super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      timed.expire();
    } catch (ExecutionException | CancellationException e) {
      // Decided: the caller's get reports it.
    }
  }

  @Override
  public boolean complete(T value) {
    return decided(super.complete(value));
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    return decided(super.completeExceptionally(failure));
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return decided(super.cancel(mayInterruptIfRunning));
  }

  private boolean decided(boolean now) {
    if (now) {
      TimedCall timed = call;
      if (timed != null) {
        timed.decided();
      }
      onDecided();
    }
    return now;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}

package dev.skiff.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A sync call's future that keeps its call's time, so that the call needs no timer. */
@Timeout(30)
class PolledCallFutureTest {

  /** A future whose poll gives up at once, as a shared-memory caller does after its budget. */
  private static final class Future extends PolledCallFuture<String> {
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger decidedHooks = new AtomicInteger();
    volatile long lastPollDeadline;

    @Override
    protected void awaitReply(long deadline) {
      polls.incrementAndGet();
      lastPollDeadline = deadline;
    }

    @Override
    protected void onDecided() {
      decidedHooks.incrementAndGet();
    }
  }

  /** Counts what the future tells its call; expiring fails the future, as a call's timeout does. */
  private static final class Call implements PolledCallFuture.TimedCall {
    final CompletableFuture<String> future;
    final AtomicInteger expired = new AtomicInteger();
    final AtomicInteger decided = new AtomicInteger();

    Call(CompletableFuture<String> future) {
      this.future = future;
    }

    @Override
    public void expire() {
      expired.incrementAndGet();
      future.completeExceptionally(new IllegalStateException("timed out"));
    }

    @Override
    public void decided() {
      decided.incrementAndGet();
    }
  }

  @Test
  void theWaitingCallerEndsTheCallAtItsDeadlineEvenWhenItsPollReturnsEarly() {
    Future future = new Future();
    Call call = new Call(future);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(100);
    future.timeBy(call, deadline);
    ExecutionException failure = assertThrows(ExecutionException.class, future::get);
    long waited = System.nanoTime() - start;
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(100), "waited " + waited + " ns");
    assertEquals(1, call.expired.get());
    assertEquals(1, call.decided.get());
    assertEquals(1, future.decidedHooks.get());
    assertEquals(deadline, future.lastPollDeadline, "polls until the call's deadline");
  }

  @Test
  void aCallDecidedInTimeIsForgottenOnceAndNeverExpires() throws Exception {
    Future future = new Future();
    Call call = new Call(future);
    future.timeBy(call, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    CompletableFuture<Void> completing = completeLater(future, "reply");
    assertEquals("reply", future.get());
    completing.join(); // the hooks run after the value is set
    assertFalse(future.complete("again"));
    assertEquals(0, call.expired.get());
    assertEquals(1, call.decided.get());
    assertEquals(1, future.decidedHooks.get());
  }

  @Test
  void aShorterWaitOfTheCallerTimesOutTheWaitNotTheCall() throws Exception {
    Future future = new Future();
    Call call = new Call(future);
    future.timeBy(call, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    assertThrows(TimeoutException.class, () -> future.get(30, TimeUnit.MILLISECONDS));
    assertFalse(future.isDone());
    assertEquals(0, call.expired.get());
    future.complete("later");
    assertEquals("later", future.join());
  }

  @Test
  void joinAndCancelTellTheCallToo() {
    Future timedOut = new Future();
    Call first = new Call(timedOut);
    timedOut.timeBy(first, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
    assertThrows(RuntimeException.class, timedOut::join);
    assertEquals(1, first.expired.get());

    Future cancelled = new Future();
    Call second = new Call(cancelled);
    cancelled.timeBy(second, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    assertTrue(cancelled.cancel(false));
    assertThrows(CancellationException.class, cancelled::get);
    assertEquals(1, second.decided.get());
    assertEquals(0, second.expired.get());
  }

  @Test
  void withoutACallToTimeItWaitsAsAnyFuture() throws Exception {
    Future future = new Future();
    CompletableFuture<Void> completing = completeLater(future, "reply");
    assertEquals("reply", future.get());
    completing.join(); // the hooks run after the value is set
    assertEquals(PolledCallFuture.NO_DEADLINE, future.lastPollDeadline);
    assertEquals(1, future.decidedHooks.get());
  }

  /** Completes {@code future} from another thread after a moment; done once its hooks ran. */
  private static CompletableFuture<Void> completeLater(Future future, String value) {
    return CompletableFuture.runAsync(
        () -> {
          sleep(20);
          future.complete(value);
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

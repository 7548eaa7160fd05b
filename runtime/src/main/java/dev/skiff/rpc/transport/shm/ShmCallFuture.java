package dev.skiff.rpc.transport.shm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call's future whose blocking {@code get} first polls the reply ring on the caller's own thread
 * for a while, so a sync call's reply reaches its caller without a thread hand-off (a park and
 * unpark costs more than a whole shared-memory round trip). After the help budget it waits as any
 * future does, and the connection's receiver thread completes it.
 */
final class ShmCallFuture<T> extends CompletableFuture<T> {
  private final ShmClientConnection connection;

  ShmCallFuture(ShmClientConnection connection) {
    this.connection = connection;
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    if (!isDone()) {
      connection.helpUntilDone(this, Long.MAX_VALUE);
    }
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    if (!isDone()) {
      connection.helpUntilDone(this, deadline);
    }
    return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  @Override
  public T join() {
    if (!isDone()) {
      try {
        connection.helpUntilDone(this, Long.MAX_VALUE);
      } catch (InterruptedException e) {
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

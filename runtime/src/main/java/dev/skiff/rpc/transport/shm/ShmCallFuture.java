package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.transport.PolledCallFuture;

/**
 * A call's future whose blocking {@code get} first polls the reply ring on the caller's own thread
 * for a while, so a sync call's reply reaches its caller without a thread hand-off (a park and
 * unpark costs more than a whole shared-memory round trip). After the help budget it waits as any
 * future does, and the connection's receiver thread completes it.
 *
 * <p>A completion that happens inside the connection's ring read (the reply is decoded there, from
 * the ring's memory) takes effect when that read ends: what runs on completion must not run with
 * the read lock held.
 */
final class ShmCallFuture<T> extends PolledCallFuture<T> {
  private final ShmClientConnection connection;

  ShmCallFuture(ShmClientConnection connection) {
    this.connection = connection;
  }

  @Override
  protected void awaitReply(long deadline) throws InterruptedException {
    connection.helpUntilDone(this, deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline);
  }

  @Override
  public boolean complete(T value) {
    if (!isDone() && connection.deferCompletion(this, value, null)) {
      return true;
    }
    return super.complete(value);
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    if (!isDone() && connection.deferCompletion(this, null, failure)) {
      return true;
    }
    return super.completeExceptionally(failure);
  }

  @Override
  protected void onDecided() {
    connection.callEnded();
  }

  /** Completes at once: a deferred completion, when the ring read that caused it has ended. */
  @SuppressWarnings("unchecked")
  void completeNow(Object value, Throwable failure) {
    if (failure != null) {
      super.completeExceptionally(failure);
    } else {
      super.complete((T) value);
    }
  }
}

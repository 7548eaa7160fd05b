package dev.skiff.rpc.transport.nio;

import dev.skiff.rpc.transport.PolledCallFuture;

/**
 * A call's future on a {@link CallerIoConnection}: a thread blocking on it reads the socket for the
 * connection while it waits, unless another thread already does; whoever completes it wakes its
 * waiter.
 */
final class CallerIoFuture<T> extends PolledCallFuture<T> {
  private final CallerIoConnection connection;

  /**
   * Whether a thread is expected to wait for this call in {@link #get()} (a sync call) rather than
   * leave its reply to the connection's background reader. Guarded by the connection's monitor;
   * only the waiting thread changes it.
   */
  boolean callerWaits;

  /** The thread blocked on this future, if any. */
  volatile Thread waiter;

  CallerIoFuture(CallerIoConnection connection, boolean callerWaits) {
    this.connection = connection;
    this.callerWaits = callerWaits;
  }

  @Override
  protected void awaitReply(long deadline) throws InterruptedException {
    connection.await(this, deadline);
  }

  @Override
  protected void onDecided() {
    connection.callDone(this);
  }
}

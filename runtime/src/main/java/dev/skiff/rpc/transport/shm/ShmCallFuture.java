package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.transport.PolledCallFuture;

/**
 * A call's future whose blocking {@code get} first polls the reply ring on the caller's own thread
 * for a while, so a sync call's reply reaches its caller without a thread hand-off (a park and
 * unpark costs more than a whole shared-memory round trip). After the help budget it waits as any
 * future does, and the connection's receiver thread completes it.
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
}

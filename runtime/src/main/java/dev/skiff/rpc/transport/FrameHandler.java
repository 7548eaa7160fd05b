package dev.skiff.rpc.transport;

import io.netty.buffer.ByteBuf;

/**
 * Receives what arrives on one {@link FrameConnection}. Socket transports call it from one thread
 * at a time per connection, in arrival order; the shm client may hand replies over from several
 * threads at once (its receiver and callers polling for their own replies), so client-side handlers
 * must be thread-safe.
 */
public interface FrameHandler {
  /**
   * One whole frame arrived.
   *
   * @param frame the body, without the length prefix; valid only during the call, since the
   *     transport releases or reuses it afterwards. Copy what must outlive the call: the shm
   *     transport may hand over a view of its ring's memory, which retaining does not keep
   */
  void frameReceived(ByteBuf frame);

  /**
   * The connection closed, from either side; called once, and nothing is received after it.
   *
   * @param cause why it failed, or null when it was closed in an orderly way
   */
  void connectionClosed(Throwable cause);

  /**
   * Whether calls on this connection are still being worked on, so that it is not idle even when no
   * bytes move: a server closes idle connections only when this is false.
   */
  default boolean hasCallsInFlight() {
    return false;
  }
}

package dev.skiff.rpc.transport;

import dev.skiff.rpc.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * A duplex pipe of Thrift frames between two processes: what a transport gives the client and
 * server logic, which never see sockets or rings. Frames go out whole and come in whole, to the
 * {@link FrameHandler} bound to the connection when it was made.
 *
 * <p>Implementations are thread-safe: any thread may send, and frames sent by one thread arrive in
 * the order it sent them (fragments of a large frame aside, a transport keeps a sender's frames
 * whole and in order).
 */
public interface FrameConnection {
  /**
   * Sends one frame and takes ownership of {@code frame}, which holds the 4-byte length prefix and
   * the body, as {@link Frames} writes them.
   *
   * @param listener told once whether the frame was handed to the transport (null failure) or not;
   *     null when the caller does not care. A transport whose sender may have to wait for room
   *     (shared memory with a full ring) waits, or fails fast, as it was configured to.
   */
  void send(ByteBuf frame, SendListener listener);

  /**
   * Sends one frame as {@link #send(ByteBuf, SendListener)} does, giving up at {@code deadline}
   * ({@link System#nanoTime}) if the transport has to wait that long for room: a call's frame is of
   * no use after the call's timeout. Transports that never wait for room ignore the deadline.
   */
  default void send(ByteBuf frame, long deadline, SendListener listener) {
    send(frame, listener);
  }

  /** The allocator to encode outgoing frames with. */
  ByteBufAllocator alloc();

  /**
   * A buffer to encode one outgoing frame into and hand to {@link #send}, which then owns it. A
   * transport that writes most frames before {@code send} returns may hand out the same buffer
   * again once it is written, instead of a pooled one each time.
   */
  default ByteBuf newFrameBuffer() {
    return alloc().ioBuffer();
  }

  /**
   * Runs {@code task} after {@code delayNanos} unless cancelled first: how calls on this connection
   * time out. Scheduling and cancelling must be cheap, since every call does both.
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /** Whether frames can still be sent: connected, not closed, peer alive as far as is known. */
  boolean isActive();

  /** The peer, for logs and interceptors. */
  SocketAddress remoteAddress();

  /**
   * What is known of the peer: its address and, where the transport knows them, its TLS certificate
   * and Unix credentials. Cheap after the first call: servers ask on every call.
   */
  default Peer peer() {
    return Peer.of(remoteAddress());
  }

  /**
   * Closes the connection; the handler is then told {@link FrameHandler#connectionClosed} once.
   * Idempotent.
   */
  void close();

  /**
   * A new future for a call's result. A transport that can deliver replies faster when the waiting
   * thread polls for them itself (shared memory, sockets in {@link
   * dev.skiff.rpc.IoMode#CALLER_THREAD}) returns a future whose blocking {@code get} does that;
   * others return a plain {@link CompletableFuture}.
   *
   * @param callerWaits true when the calling thread is about to block in this future's {@code get}
   *     (a sync call), so a transport may leave reading the reply to it; false when the reply must
   *     be read without the caller's help. Only a hint: the future must complete either way.
   */
  default <R> CompletableFuture<R> newCallFuture(boolean callerWaits) {
    return new CompletableFuture<>();
  }

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Makes sure the task does not run, if it has not started yet. Idempotent. */
    void cancel();
  }

  /** Told whether a frame was sent. */
  @FunctionalInterface
  interface SendListener {
    /**
     * @param failure null when the frame was handed to the transport; else why it was not
     */
    void sent(Throwable failure);
  }
}

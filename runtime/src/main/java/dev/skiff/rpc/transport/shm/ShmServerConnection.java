package dev.skiff.rpc.transport.shm;

import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Peer;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's end of one client's connection: frames arrive from the listener's receiver thread,
 * replies go into the client's one-to-one reply ring. Replies may be sent from any handler thread;
 * a lock keeps the ring single-producer and a fragmented reply in one piece. Thread-safe.
 */
final class ShmServerConnection implements FrameConnection {
  private static final Logger log = LoggerFactory.getLogger(ShmServerConnection.class);

  private final ShmListener listener;
  final int slot;
  final long word;
  private final OneToOneRingBuffer replies;
  private final FrameAssembler assembler;
  private final ShmPeerAddress remote;
  private final Peer peer;
  private final ReentrantLock sendLock = new ReentrantLock();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;
  private FrameHandler handler;

  ShmServerConnection(
      ShmListener listener,
      int slot,
      long word,
      OneToOneRingBuffer replies,
      RingView requests,
      int maxFrameSize,
      ShmPeerAddress remote) {
    this.listener = listener;
    this.slot = slot;
    this.word = word;
    this.replies = replies;
    this.assembler = new FrameAssembler(ShmBuffers.INSTANCE, maxFrameSize, requests);
    this.remote = remote;
    this.peer = Peer.of(remote);
  }

  void bind(FrameHandler handler) {
    this.handler = handler;
  }

  /**
   * On the receiver thread, inside the request ring's read: one message from this client. A frame
   * that came whole is handed on as a view of the ring: the server's handler decodes a call's
   * message and arguments before it returns, whatever executor then runs the call.
   */
  void onMessage(int type, DirectBuffer buffer, int index, int length) {
    if (closed) {
      return;
    }
    ByteBuf frame;
    try {
      if (type == ShmMessages.WHOLE) {
        // A whole frame does not touch the assembler's partial frame, which close() resets.
        frame = assembler.onMessage(type, buffer, index, length);
      } else {
        synchronized (assembler) {
          frame = assembler.onMessage(type, buffer, index, length);
        }
      }
    } catch (ProtocolException e) {
      log.debug("closing connection from {}: {}", remote, e.getMessage());
      closeWith(e, true);
      return;
    }
    if (frame != null) {
      try {
        handler.frameReceived(frame);
      } finally {
        assembler.done(frame);
      }
    }
  }

  /** Sends a control message; false if the ring had no room. */
  boolean sendControl(int type) {
    sendLock.lock();
    try {
      return RingFrames.tryWriteControl(replies, type, false, 0, 0);
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public void send(ByteBuf frame, SendListener sendListener) {
    Throwable failure = null;
    sendLock.lock();
    try {
      if (closed) {
        throw new ConnectionException("connection from " + remote + " is closed");
      }
      // Replies wait for room: the client's receiver drains its ring unless it is dead, and a
      // dead client closes this connection, which ends the wait.
      RingFrames.write(replies, false, 0, 0, frame, first -> replyRingFull());
    } catch (SkiffException e) {
      failure = e;
    } finally {
      sendLock.unlock();
      frame.release();
    }
    if (sendListener != null) {
      sendListener.sent(failure);
    }
  }

  private void replyRingFull() {
    if (closed || !listener.clientAlive(this)) {
      throw new ConnectionException("client " + remote + " is gone");
    }
    Thread.yield();
  }

  @Override
  public ByteBufAllocator alloc() {
    return ShmBuffers.INSTANCE;
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    return ShmThreads.timeout(task, delayNanos);
  }

  @Override
  public boolean isActive() {
    return !closed;
  }

  @Override
  public SocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public Peer peer() {
    return peer; // asked for on every call
  }

  @Override
  public void close() {
    closeWith(null, true);
  }

  /**
   * Closes this end.
   *
   * @param tellClient whether to send the client a goodbye (not when it left or died)
   */
  void closeWith(Throwable cause, boolean tellClient) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    sendLock.lock();
    try {
      closed = true;
      if (tellClient) {
        RingFrames.tryWriteControl(replies, ShmMessages.BYE, false, 0, 0);
      }
    } finally {
      sendLock.unlock();
    }
    synchronized (assembler) {
      // A client that died mid-frame leaves a partial frame: it is dropped, never delivered.
      assembler.reset();
    }
    listener.forget(this);
    handler.connectionClosed(cause);
  }

  boolean closed() {
    return closed;
  }
}

package dev.skiff.rpc.transport.nio;

import static dev.skiff.rpc.transport.PolledCallFuture.NO_DEADLINE;

import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.internal.Buffers;
import dev.skiff.rpc.internal.CallTimeoutWheel;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameDecoder;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.PolledCallFuture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.Timeout;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket connection whose I/O the calling threads do themselves (see {@link
 * dev.skiff.rpc.IoMode#CALLER_THREAD}): a sender writes its frame to the socket under a lock, and a
 * caller waiting for its reply reads the socket itself, handing every frame it reads to the {@link
 * FrameHandler}, its own reply and other callers' alike. A sync round trip thus costs the two
 * context switches of any blocking socket client and none more.
 *
 * <p>One thread reads at a time, the <em>leader</em>. Other waiting callers queue and park; the
 * leader's reads complete their calls, which unparks them. A leader that got its own reply while
 * others wait hands the socket to a background reader thread, which reads until no caller waits and
 * no async call is outstanding: under contention the connection is read as an event loop would,
 * without a pause while a parked caller wakes up to take over, and a lone sync caller keeps the
 * fast path. The reader also reads the replies of async calls; it is started on first need and ends
 * when it has had nothing to read for {@link #READER_LINGER_NANOS}.
 *
 * <p>The socket is non-blocking: readers wait in a selector, which a call's completion on another
 * thread (its timeout) can wake, so that no caller stays in a read after its call is decided.
 * Thread-safe.
 */
final class CallerIoConnection implements FrameConnection {
  private static final Logger log = LoggerFactory.getLogger(CallerIoConnection.class);

  private static final int INITIAL_INBOUND = 16 * 1024;

  /** An inbound buffer grown past this for a large frame is given back once it is empty. */
  private static final int KEPT_INBOUND = 256 * 1024;

  private static final int INITIAL_OUTBOUND = 4 * 1024;

  /**
   * The connection's own outgoing buffer, grown past this for a large frame, is replaced by a small
   * one. Below it, a grown buffer is kept for the next large frame: buffers grow by doubling, so a
   * 64 KiB frame's is 128 KiB, and regrowing it each call would copy it again.
   */
  private static final int KEPT_OUTBOUND = 1024 * 1024;

  /** Idle this long, a connection checks whether the peer closed it before it says it is active. */
  private static final long IDLE_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** The background reader ends once it had no async call to read for this long. */
  static final long READER_LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A sender whose peer has read nothing for this long gives up and closes the connection. */
  static final long WRITE_STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final Consumer<SelectionKey> IGNORE = key -> {};

  private final SocketChannel socket;
  private final Selector readable;
  private final int maxFrameSize;
  private final SocketAddress remote;
  private final String peerName;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean open = true;
  private FrameHandler handler;

  private final ReentrantLock writeLock = new ReentrantLock();
  private Selector writable; // guarded by writeLock; made on the first write that finds no room

  // The read side, guarded by this object's monitor.
  private volatile Thread leader;
  private final ArrayDeque<Thread> queued = new ArrayDeque<>();
  private int backgroundCalls;
  private volatile Thread reader;

  private volatile Thread delivering; // the leader while it hands frames to the handler
  private final List<HeldWrite> held = new ArrayList<>(); // sent meanwhile by that thread

  /** Frames sent while the background reader reads, which it writes between its reads. */
  private final ConcurrentLinkedQueue<HeldWrite> outbox = new ConcurrentLinkedQueue<>();

  private ByteBuf inbound; // touched by the leader only; released by whoever closes or leads last

  /**
   * The buffer most frames are encoded into ({@link #newFrameBuffer}), guarded by its lock. The
   * connection holds one reference; a frame being encoded or sent holds a second one, which its
   * sender's release gives back.
   */
  private final Object outboundLock = new Object();

  private ByteBuf outbound;
  private volatile long lastIoNanos = System.nanoTime();

  CallerIoConnection(SocketChannel socket, int maxFrameSize) throws IOException {
    this.socket = socket;
    this.maxFrameSize = maxFrameSize;
    this.remote = socket.getRemoteAddress();
    this.peerName = String.valueOf(remote);
    socket.configureBlocking(false);
    this.readable = Selector.open();
    try {
      socket.register(readable, SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      readable.close();
      throw e;
    }
    this.inbound = alloc().directBuffer(INITIAL_INBOUND);
    this.outbound = alloc().directBuffer(INITIAL_OUTBOUND);
  }

  void bind(FrameHandler handler) {
    this.handler = handler;
  }

  // ---- sending ----

  /**
   * The connection's own buffer if no frame holds it, else a pooled one. A sync caller's frame is
   * written before {@code send} returns, so a lone caller encodes every call into the same memory,
   * warm in the cache, without a trip through the pool.
   */
  @Override
  public ByteBuf newFrameBuffer() {
    synchronized (outboundLock) {
      ByteBuf own = outbound;
      if (own != null && own.refCnt() == 1) {
        if (own.capacity() <= KEPT_OUTBOUND) {
          return own.retain().clear();
        }
        // Grown for a large frame: give that memory back and keep a small buffer again.
        own.release();
        outbound = alloc().directBuffer(INITIAL_OUTBOUND);
        return outbound.retain();
      }
    }
    return alloc().ioBuffer();
  }

  @Override
  public void send(ByteBuf frame, SendListener listener) {
    send(frame, NO_DEADLINE, listener);
  }

  @Override
  public void send(ByteBuf frame, long deadline, SendListener listener) {
    Thread me = Thread.currentThread();
    if (delivering == me) {
      // Sent by a callback of a reply being handed over: goes out with the others it sends.
      held.add(new HeldWrite(frame, listener));
      return;
    }
    Thread busyReader = reader;
    if ((busyReader != null && leader == busyReader) || !outbox.isEmpty()) {
      // Callers contend for the connection, so the background reader reads it: it writes too,
      // several frames a write, as an event loop would. Behind frames already waiting, this one
      // keeps its place.
      outbox.add(new HeldWrite(frame, listener));
      if (busyReader != null && busyReader != me && leader == busyReader) {
        wakeReader();
        if (leader == busyReader) {
          return; // it writes the outbox before it reads again, and once more when it stops
        }
      }
      writeOutbox();
      return;
    }
    Throwable failure = null;
    boolean torn = false;
    writeLock.lock();
    try {
      if (!open) {
        failure = new ConnectionException("connection to " + peerName + " closed");
      } else {
        int length = frame.readableBytes();
        try {
          writeFully(frame, deadline);
          lastIoNanos = System.nanoTime();
        } finally {
          torn = frame.readableBytes() != length && frame.isReadable();
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } finally {
      writeLock.unlock();
      frame.release();
    }
    if (listener != null) {
      // First, so that the sender's call fails for its own reason rather than with the others.
      listener.sent(failure);
    }
    if (failure != null && (torn || !(failure instanceof CallTimeoutException))) {
      // Part of the frame is on the wire, or the socket failed: nothing more can follow it.
      close(failure);
    }
  }

  private void writeFully(ByteBuf frame, long deadline) throws IOException {
    long stalledSince = 0;
    while (frame.isReadable()) {
      if (frame.readBytes(socket, frame.readableBytes()) > 0) {
        stalledSince = 0;
      } else {
        stalledSince = waitForRoom(stalledSince, deadline);
      }
    }
  }

  /**
   * Waits a while for room in the socket's send buffer, which is full: the peer is not reading for
   * now. Holding the write lock.
   *
   * @param stalledSince when the writer last made progress, 0 if it just did
   * @return the new {@code stalledSince}
   * @throws CallTimeoutException when {@code deadline} passes first
   * @throws ConnectionException when the peer has read nothing for too long, or the connection
   *     closed
   */
  private long waitForRoom(long stalledSince, long deadline) throws IOException {
    long now = System.nanoTime();
    if (deadline != NO_DEADLINE && now - deadline >= 0) {
      throw new CallTimeoutException(
          "no room to send to " + peerName + " before the call's deadline");
    }
    if (stalledSince == 0) {
      stalledSince = now;
    } else if (now - stalledSince > WRITE_STALL_NANOS) {
      throw new ConnectionException(
          peerName
              + " read nothing for "
              + TimeUnit.NANOSECONDS.toSeconds(WRITE_STALL_NANOS)
              + " s; closing the connection");
    }
    if (!open) {
      throw new ConnectionException("connection to " + peerName + " closed");
    }
    long wait = deadline == NO_DEADLINE ? 100 : Math.min(100, (deadline - now) / 1_000_000 + 1);
    if (leader == Thread.currentThread()) {
      // The reader writes what others sent: the peer may be waiting for room to write its
      // replies before it reads again, so keep reading them meanwhile. What their callbacks send
      // is held until this write is done.
      readAvailable();
      wait = 1;
    }
    if (writable == null) {
      writable = Selector.open();
      socket.register(writable, SelectionKey.OP_WRITE);
    }
    writable.select(IGNORE, wait);
    return stalledSince;
  }

  // ---- receiving ----

  @Override
  public <R> CompletableFuture<R> newCallFuture(boolean callerWaits) {
    if (!callerWaits) {
      Thread wake = null;
      synchronized (this) {
        backgroundCalls++;
        if (leader == null) {
          wake = backgroundReader();
        }
      }
      LockSupport.unpark(wake);
    }
    return new CallerIoFuture<>(this, callerWaits);
  }

  /**
   * Waits until {@code call} is done or {@code deadline} ({@link System#nanoTime}; {@link
   * PolledCallFuture#NO_DEADLINE} for none) passes, reading for the connection whenever no other
   * thread is. Called by the future's blocking methods.
   */
  void await(CallerIoFuture<?> call, long deadline) throws InterruptedException {
    Thread me = Thread.currentThread();
    if (leader == me) {
      throw new IllegalStateException(
          "a callback running on the thread that reads "
              + peerName
              + " waits for another call on it; chain the call instead (thenCompose)");
    }
    call.waiter = me;
    try {
      while (!call.isDone()) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        long remaining = remaining(deadline);
        if (remaining <= 0) {
          return;
        }
        if (!open) {
          // The connection's close fails every call; this one's failure is on its way.
          LockSupport.parkNanos(this, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(1)));
        } else if (lead(me)) {
          boolean done = false;
          try {
            readUntilDone(call, deadline);
            done = call.isDone();
          } finally {
            if (!done) {
              abdicate(); // else leaveQueue gives the socket up, in the same locked step
            }
          }
        } else {
          LockSupport.parkNanos(this, remaining);
        }
      }
    } finally {
      call.waiter = null;
      leaveQueue(me, call);
    }
  }

  private static long remaining(long deadline) {
    return deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline - System.nanoTime();
  }

  /** Takes the socket if nobody reads it; otherwise joins the queue. */
  private synchronized boolean lead(Thread me) {
    if (leader == null) {
      leader = me;
      queued.remove(me);
      return true;
    }
    if (!queued.contains(me)) {
      queued.addLast(me);
    }
    return false;
  }

  /**
   * A waiter leaves: its call is done, or it gave up on it. The socket may have been handed to it
   * meanwhile, so it passes the socket on; a call it gave up on is left to the background reader.
   */
  private void leaveQueue(Thread me, CallerIoFuture<?> call) {
    Thread next = null;
    boolean idleReader;
    synchronized (this) {
      if (leader == me) {
        giveUpSocket();
      }
      queued.remove(me);
      if (!call.isDone() && call.callerWaits) {
        call.callerWaits = false;
        backgroundCalls++;
      }
      if (leader == null) {
        next = nextLeader();
      }
      idleReader = leader != null && leader == reader && !backgroundNeeded();
    }
    LockSupport.unpark(next);
    if (idleReader) {
      // The reader waits in the selector for replies nobody waits for any more: let it give up the
      // socket, so that the next sync caller reads for itself.
      wakeReader();
    }
  }

  /** Gives up the socket: to the background reader if anyone waits for a reply. */
  private void abdicate() {
    Thread next;
    synchronized (this) {
      giveUpSocket();
      next = nextLeader();
    }
    LockSupport.unpark(next);
  }

  /** The leader stops reading. Holding the monitor. */
  private void giveUpSocket() {
    leader = null;
    if (!open) {
      releaseInbound();
    }
  }

  /**
   * Who should read next, holding the monitor: the background reader while anyone waits for a
   * reply, or, once the connection is closed, a queued caller, to see that.
   */
  private Thread nextLeader() {
    if (!open) {
      return queued.peekFirst();
    }
    return backgroundNeeded() ? backgroundReader() : null;
  }

  private void readUntilDone(CallerIoFuture<?> call, long deadline) {
    // Try before waiting: on one core the peer often answered while this thread was descheduled,
    // and a read that finds the reply saves a selector wait.
    readOnce(-1);
    while (!call.isDone() && open) {
      long remaining = remaining(deadline);
      if (remaining <= 0) {
        return;
      }
      // Select waits forever on 0: a call without a deadline is woken by its completion.
      long millis =
          deadline == NO_DEADLINE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
      readOnce(millis);
    }
  }

  /**
   * Waits up to {@code millis} (0: until woken; negative: not at all) for bytes, reads what is
   * there and hands over every whole frame. Leader only.
   */
  private void readOnce(long millis) {
    try {
      if (millis >= 0) {
        readable.select(IGNORE, millis);
      }
      readAvailable();
    } catch (IOException | ClosedSelectorException e) {
      if (open) {
        close(e);
      }
    }
  }

  private void readAvailable() throws IOException {
    if (inbound.writableBytes() == 0) {
      inbound.ensureWritable(INITIAL_INBOUND);
    }
    int read = inbound.writeBytes(socket, inbound.writableBytes());
    if (read < 0) {
      close(null);
      return;
    }
    if (read > 0) {
      lastIoNanos = System.nanoTime();
      deliverFrames();
    }
  }

  private void deliverFrames() {
    delivering = Thread.currentThread();
    try {
      deliverWholeFrames();
    } finally {
      delivering = null;
      if (!held.isEmpty() && !writeLock.isHeldByCurrentThread()) {
        writeHeld(); // else after the write under way, which this read interrupted
      }
    }
  }

  private void deliverWholeFrames() {
    while (open && inbound.readableBytes() >= FrameDecoder.LENGTH_SIZE) {
      int start = inbound.readerIndex();
      int length = inbound.getInt(start);
      if (length < 0 || length > maxFrameSize) {
        close(
            new ProtocolException(
                ProtocolException.Kind.SIZE_LIMIT,
                "frame length " + length + " from " + peerName + " exceeds limit " + maxFrameSize));
        return;
      }
      int frameEnd = start + FrameDecoder.LENGTH_SIZE + length;
      if (inbound.writerIndex() < frameEnd) {
        // Make room for the rest of the frame, now that its size is known to be acceptable.
        inbound.discardReadBytes();
        inbound.ensureWritable(FrameDecoder.LENGTH_SIZE + length - inbound.readableBytes());
        return;
      }
      inbound.readerIndex(frameEnd);
      try {
        handler.frameReceived(inbound.slice(start + FrameDecoder.LENGTH_SIZE, length));
      } catch (RuntimeException e) {
        log.warn("handler of {} failed on a frame", peerName, e);
      }
    }
    if (!inbound.isReadable()) {
      if (inbound.capacity() > KEPT_INBOUND) {
        inbound.release();
        inbound = alloc().directBuffer(INITIAL_INBOUND);
      } else {
        inbound.clear();
      }
    }
  }

  /**
   * Writes what callbacks sent while replies were handed over, all in one gathering write, as an
   * event loop flushes once per read: async callers that chain calls then cost a system call per
   * batch of replies rather than per call.
   */
  private void writeHeld() {
    List<HeldWrite> writes = List.copyOf(held);
    held.clear();
    Throwable failure;
    writeLock.lock();
    try {
      failure = writeAll(writes);
    } finally {
      writeLock.unlock();
    }
    sent(writes, failure);
  }

  /** Writes the frames waiting in the outbox, in one gathering write. */
  private void writeOutbox() {
    if (outbox.isEmpty()) {
      return;
    }
    List<HeldWrite> writes = new ArrayList<>();
    Throwable failure;
    writeLock.lock();
    try {
      // Taken under the lock: a sender that finds the outbox empty then writes after these.
      for (HeldWrite write = outbox.poll(); write != null; write = outbox.poll()) {
        writes.add(write);
      }
      failure = writes.isEmpty() ? null : writeAll(writes);
    } finally {
      writeLock.unlock();
    }
    sent(writes, failure);
  }

  /** Holding the write lock: writes {@code writes} whole, or returns why not. */
  private Throwable writeAll(List<HeldWrite> writes) {
    List<ByteBuffer> buffers = new ArrayList<>();
    for (HeldWrite write : writes) {
      buffers.addAll(Arrays.asList(write.frame().nioBuffers()));
    }
    ByteBuffer[] all = buffers.toArray(ByteBuffer[]::new);
    if (!open) {
      return new ConnectionException("connection to " + peerName + " closed");
    }
    try {
      long stalledSince = 0;
      while (all[all.length - 1].hasRemaining()) {
        if (socket.write(all) > 0) {
          stalledSince = 0;
        } else {
          stalledSince = waitForRoom(stalledSince, NO_DEADLINE);
        }
      }
      lastIoNanos = System.nanoTime();
      return null;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }

  /**
   * Frees written frames and tells their senders; a failed write closes the connection. Then writes
   * what replies read during the write had their callbacks send.
   */
  private void sent(List<HeldWrite> writes, Throwable failure) {
    writes.forEach(write -> write.frame().release());
    for (HeldWrite write : writes) {
      if (write.listener() != null) {
        write.listener().sent(failure);
      }
    }
    if (failure != null) {
      close(failure);
    }
    writeHeldAfterWrite();
  }

  private void writeHeldAfterWrite() {
    Thread me = Thread.currentThread();
    if (leader == me && delivering != me && !held.isEmpty()) {
      writeHeld();
    }
  }

  /** A frame sent during a hand-over, and who wants to know it went out. */
  private record HeldWrite(ByteBuf frame, SendListener listener) {}

  /** Called by a call's future once it is done, on the thread that completed it. */
  void callDone(CallerIoFuture<?> call) {
    Thread waiter = call.waiter;
    Thread me = Thread.currentThread();
    if (waiter == me && call.callerWaits) {
      // A sync caller read its own reply. Only it changes callerWaits, so it sees the flag without
      // the lock, and nobody else counts on the call.
      return;
    }
    if (waiter != null && waiter != me) {
      LockSupport.unpark(waiter);
      if (leader == waiter) {
        wakeReader();
      }
    }
    boolean wake = false;
    synchronized (this) {
      if (!call.callerWaits) {
        backgroundCalls--;
        wake = backgroundCalls == 0 && leader == reader && reader != null && reader != me;
      }
    }
    if (wake) {
      // Nothing left for the background reader: let it give the socket up.
      wakeReader();
    }
  }

  private void wakeReader() {
    try {
      readable.wakeup();
    } catch (ClosedSelectorException e) {
      // Closed meanwhile: the leader is on its way out anyway.
    }
  }

  /** The background reader thread, started on first need. Holding the monitor. */
  private Thread backgroundReader() {
    if (reader == null) {
      reader = new Thread(this::readInBackground, "skiff-reader " + peerName);
      reader.setDaemon(true);
      reader.start();
    }
    return reader;
  }

  private void readInBackground() {
    Thread me = Thread.currentThread();
    long idleSince = System.nanoTime();
    while (open) {
      boolean leading;
      synchronized (this) {
        leading = leader == null && backgroundNeeded();
        if (leading) {
          leader = me;
        } else if (backgroundCalls == 0 && System.nanoTime() - idleSince >= READER_LINGER_NANOS) {
          // Decided under the monitor, where a new async call would look for this thread: the
          // next one starts another.
          reader = null;
          return;
        }
      }
      if (!leading) {
        LockSupport.parkNanos(this, READER_LINGER_NANOS);
        continue;
      }
      try {
        while (open && backgroundNeeded()) {
          writeOutbox();
          readOnce(0);
        }
      } finally {
        abdicate();
        writeOutbox();
        idleSince = System.nanoTime();
      }
    }
  }

  private synchronized boolean backgroundNeeded() {
    return backgroundCalls > 0 || !queued.isEmpty();
  }

  // ---- the rest of FrameConnection ----

  @Override
  public ByteBufAllocator alloc() {
    return Buffers.allocator();
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    Timeout timeout =
        CallTimeoutWheel.get().newTimeout(fired -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
    return timeout::cancel;
  }

  /**
   * Whether the connection is usable. Nobody reads an idle connection, so one idle for a while
   * first reads whatever is there without waiting: a peer's close shows up as the end of the
   * stream.
   */
  @Override
  public boolean isActive() {
    if (open && System.nanoTime() - lastIoNanos > IDLE_PROBE_NANOS && leadIfIdle()) {
      try {
        readAvailable();
      } catch (IOException e) {
        close(e);
      } finally {
        abdicate();
      }
    }
    return open;
  }

  private synchronized boolean leadIfIdle() {
    if (open && leader == null && queued.isEmpty() && backgroundCalls == 0) {
      leader = Thread.currentThread();
      return true;
    }
    return false;
  }

  @Override
  public SocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public void close() {
    close(null);
  }

  private void close(Throwable cause) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing the socket to {} failed", peerName, e);
    }
    Thread wake;
    synchronized (this) {
      if (leader == null) {
        releaseInbound();
      }
      wake = reader;
    }
    wakeReader();
    try {
      readable.close();
    } catch (IOException e) {
      log.debug("closing the selector of {} failed", peerName, e);
    }
    closeWritable();
    writeOutbox(); // fails what waits there
    releaseOutbound();
    LockSupport.unpark(wake);
    if (handler != null) {
      handler.connectionClosed(cause);
    }
  }

  private void closeWritable() {
    writeLock.lock();
    try {
      if (writable != null) {
        writable.close();
      }
    } catch (IOException e) {
      log.debug("closing the write selector of {} failed", peerName, e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Drops the connection's reference; a frame still being sent in it frees it when done. */
  private void releaseOutbound() {
    synchronized (outboundLock) {
      if (outbound != null) {
        outbound.release();
        outbound = null;
      }
    }
  }

  /** Holding the monitor, with no leader. */
  private void releaseInbound() {
    if (inbound != null) {
      inbound.release();
      inbound = null;
    }
  }
}

package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmSegmentDescriptor.*;

import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.MailboxFullException;
import dev.skiff.rpc.PeerDiedException;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's connection to one server process through a mailbox: sends into that server's request
 * ring, receives from its own reply ring. Replies are read by a receiver thread, and by callers
 * waiting on a {@link ShmCallFuture}, whichever comes first; while a caller polls, the receiver
 * steps aside (it parks until no caller polls and calls are still in flight), so that a caller and
 * its server sharing a core are not slowed by a third thread spinning there. The heartbeat thread
 * stamps this client's slot and watches the server's: a server that leaves or dies fails every call
 * in flight.
 *
 * <p>Thread-safe. The handler is called by whichever thread reads the ring (the receiver or a
 * helping caller), one at a time, under the read lock and inside the ring read: it must not block,
 * and the completions of call futures it causes are deferred until the read lock is let go.
 */
final class ShmClientConnection implements FrameConnection {
  private static final Logger log = LoggerFactory.getLogger(ShmClientConnection.class);

  /** How long a caller in {@code get()} polls for its reply before it parks (back-off mode). */
  private static final long HELP_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  /**
   * The longest the receiver stands aside for callers without looking again (100 ms): the wake-ups
   * in {@link #standAside} should make it unnecessary, and it bounds what a missed one would cost.
   * Not shorter: each look is a context switch on a core the caller may share, and at 1 ms the p99
   * of a 32-byte call on one core was 31 to 32 µs against 12.8 to 13.0 at 100 ms. Tests lengthen
   * it, so that a missed wake-up shows as a call that never completes.
   */
  static volatile long standAsideNanos = TimeUnit.MILLISECONDS.toNanos(100);

  private final ShmSegment segment;
  private final ShmConfig config;
  private final int slot;
  private final int slotOffset;
  private final long word;
  private final int server;
  private final int serverOffset;
  private final long serverGeneration;
  private final ManyToOneRingBuffer requests;
  private final OneToOneRingBuffer replies;
  private final FrameAssembler assembler;
  private final ShmPeerAddress remote;
  private final ReentrantLock sendLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private final AtomicBoolean closing = new AtomicBoolean();

  /** Callers polling for their replies in {@link #helpUntilDone}. */
  private final AtomicInteger helpers = new AtomicInteger();

  /** Calls whose futures were made and not yet decided. */
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Whether the receiver is parked, or about to park, standing aside for polling callers. */
  private volatile boolean standingAside;

  /** One handler for every poll: a method reference made per poll is garbage per spin. */
  private final MessageHandler onReply = this::onReply;

  /**
   * The thread in {@code replies.read}, while it holds the read lock; else null. Read without the
   * lock by threads that only compare it with themselves, which a stale value cannot fool.
   */
  private Thread reading;

  /** Completions held back by {@link #deferCompletion}; guarded by the read lock. */
  private Deferred deferred;

  private Deferred lastDeferred;

  private volatile int control;
  private volatile boolean closed;
  private volatile FrameHandler handler;
  private ScheduledFuture<?> heartbeat;
  private volatile Thread receiver;

  private ShmClientConnection(
      ShmSegment segment, ShmConfig config, int maxFrameSize, int slot, long word, int server) {
    this.segment = segment;
    this.config = config;
    this.slot = slot;
    this.slotOffset = segment.clientOffset(slot);
    this.word = word;
    this.server = server;
    this.serverOffset = segment.serverOffset(server);
    this.serverGeneration = slotGeneration(segment.word(serverOffset));
    this.requests = segment.requestRing(server);
    this.replies = segment.replyRing(slot);
    this.assembler =
        new FrameAssembler(ShmBuffers.INSTANCE, maxFrameSize, new RingView(replies.buffer()));
    this.remote = new ShmPeerAddress(segment.name, "server", server, segment.pid(serverOffset));
  }

  /** Opens the mailbox, claims a slot, and shakes hands with the least busy live server. */
  static <H extends FrameHandler> H connect(
      ShmConfig config,
      int maxFrameSize,
      String name,
      long timeoutNanos,
      Function<FrameConnection, H> bind) {
    long deadline = System.nanoTime() + timeoutNanos;
    ShmSegment segment = ShmSegment.openForClient(config, name, timeoutNanos);
    long peerTimeout = config.peerTimeout().toNanos();
    int server = leastBusyServer(segment, peerTimeout);
    if (server < 0) {
      throw new ConnectionException("no live server at shm://" + name);
    }
    int slot = -1;
    long word = -1;
    for (int c = 0; c < segment.maxClients && slot < 0; c++) {
      // A slot whose owner is long dead is fair game: its server has freed or forgotten it.
      word = segment.claim(segment.clientOffset(c), 3 * peerTimeout);
      if (word >= 0) {
        slot = c;
      }
    }
    if (slot < 0) {
      throw new ConnectionException(
          "shm://" + name + " is full: all " + segment.maxClients + " client slots are taken");
    }
    int offset = segment.clientOffset(slot);
    segment.buffer.putInt(offset + SLOT_SERVER_OFFSET, server);
    segment.buffer.putInt(
        offset + SLOT_SERVER_GENERATION_OFFSET,
        (int) slotGeneration(segment.word(segment.serverOffset(server))));
    segment.clearRing(segment.replyRing(slot));
    long active = slotWord(slotGeneration(word), SLOT_ACTIVE);
    segment.compareAndSetWord(offset, word, active);
    ShmClientConnection connection =
        new ShmClientConnection(segment, config, maxFrameSize, slot, active, server);
    H bound;
    try {
      bound = bind.apply(connection);
      connection.handler = bound;
      connection.startHeartbeat();
      connection.handshake(deadline);
    } catch (RuntimeException e) {
      connection.abandon();
      throw e;
    }
    connection.receiver =
        ShmThreads.daemon("skiff-shm-client-" + name + "-" + slot, connection::receive);
    connection.receiver.start();
    return bound;
  }

  private static int leastBusyServer(ShmSegment segment, long peerTimeout) {
    int best = -1;
    int bestLoad = Integer.MAX_VALUE;
    for (int s = 0; s < segment.maxServers; s++) {
      int offset = segment.serverOffset(s);
      if (slotState(segment.word(offset)) != SLOT_ACTIVE
          || segment.heartbeatStale(offset, peerTimeout)) {
        continue;
      }
      int load = 0;
      for (int c = 0; c < segment.maxClients; c++) {
        int client = segment.clientOffset(c);
        if (slotState(segment.word(client)) == SLOT_ACTIVE
            && segment.buffer.getInt(client + SLOT_SERVER_OFFSET) == s) {
          load++;
        }
      }
      if (load < bestLoad) {
        best = s;
        bestLoad = load;
      }
    }
    return best;
  }

  private void handshake(long deadline) {
    IdleStrategy idle = ShmThreads.idle(ShmConfig.IdleMode.BACKOFF);
    while (!RingFrames.tryWriteControl(
        requests, ShmMessages.HELLO, true, slot, (int) slotGeneration(word))) {
      checkServer();
      if (System.nanoTime() - deadline > 0) {
        throw new ConnectionException("timed out sending hello to " + remote + ": mailbox full");
      }
      idle.idle();
    }
    idle.reset();
    while (control == 0) {
      int read = replies.read(onReply, 1);
      if (read == 0) {
        checkServer();
        if (System.nanoTime() - deadline > 0) {
          throw new ConnectionException("timed out waiting for " + remote + " to accept");
        }
      }
      idle.idle(read);
    }
    if (control == ShmMessages.REFUSED) {
      throw new ConnectionException(remote + " is not accepting connections");
    }
  }

  private void startHeartbeat() {
    long interval = config.heartbeatInterval().toNanos();
    heartbeat =
        ShmThreads.heartbeats()
            .scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.NANOSECONDS);
  }

  /** On the heartbeat thread: stamp this slot, and check the server is still there. */
  private void heartbeat() {
    if (closed) {
      return;
    }
    segment.beat(slotOffset);
    SkiffException gone = serverGone();
    if (gone != null) {
      // Failing calls runs user callbacks: never on the heartbeat thread.
      ShmThreads.callbacks().execute(() -> closeWith(gone));
    }
  }

  /** Whether the server left its slot; a check cheap enough for every call. */
  private boolean serverLeft() {
    long now = segment.word(serverOffset);
    int state = slotState(now);
    return slotGeneration(now) != serverGeneration
        || (state != SLOT_ACTIVE && state != SLOT_DRAINING);
  }

  /** Why the server can no longer answer (it left, or its heartbeat stopped), or null. */
  private SkiffException serverGone() {
    if (serverLeft()) {
      return new ConnectionException(remote + " closed");
    }
    if (segment.heartbeatStale(serverOffset, config.peerTimeout().toNanos())) {
      long silentMillis = (System.nanoTime() - segment.heartbeat(serverOffset)) / 1_000_000;
      return new PeerDiedException(remote + " died: no heartbeat for " + silentMillis + " ms");
    }
    return null;
  }

  private void checkServer() {
    SkiffException gone = serverGone();
    if (gone != null) {
      throw gone;
    }
  }

  @Override
  public void send(ByteBuf frame, SendListener listener) {
    Throwable failure = null;
    try {
      if (closed || serverLeft()) {
        // A dead server is found by the heartbeat thread, which closes this connection.
        throw new ConnectionException("connection to " + remote + " is closed");
      }
      int generation = (int) slotGeneration(word);
      if (RingFrames.fitsWhole(requests, true, frame.readableBytes() - 4)) {
        RingFrames.write(requests, true, slot, generation, frame, this::requestRingFull);
      } else {
        sendLock.lock();
        try {
          RingFrames.write(requests, true, slot, generation, frame, this::requestRingFull);
        } finally {
          sendLock.unlock();
        }
      }
    } catch (SkiffException e) {
      failure = e;
    } finally {
      frame.release();
    }
    if (listener != null) {
      listener.sent(failure);
    }
  }

  private void requestRingFull(boolean firstPiece) {
    if (firstPiece && config.whenFull() == ShmConfig.WhenFull.FAIL_FAST) {
      throw new MailboxFullException(
          "mailbox of " + remote + " is full (" + requests.capacity() + " bytes); call not sent");
    }
    if (closed) {
      throw new ConnectionException("connection to " + remote + " closed while sending");
    }
    checkServer();
    // Blocking send: wait for the server to drain its ring. Yield, so a server on this core runs.
    Thread.yield();
  }

  /** The receiver thread's loop. */
  private void receive() {
    IdleStrategy idle = ShmThreads.idle(config.idle());
    while (!closed) {
      if (helpers.get() > 0 && standAside()) {
        idle.reset();
      } else {
        idle.idle(poll());
      }
    }
  }

  /**
   * On the receiver thread: parks while callers poll the ring themselves. On one core, a receiver
   * spinning beside a polling caller and its server took a turn at every yield: a 32-byte round
   * trip took 9.1 µs against the mapped floor's 4.3; standing aside, 5.4.
   *
   * <p>Whoever needs the receiver back unparks it: the last caller to stop polling while calls are
   * in flight (its own, if it gave up waiting), a caller that will not poll, and close. Each side
   * writes its own volatile before it reads the other's, so one of them sees the other: the
   * receiver does not park, or is unparked.
   *
   * @return whether it parked
   */
  private boolean standAside() {
    standingAside = true;
    if (helpers.get() == 0 || closed) {
      standingAside = false;
      return false;
    }
    LockSupport.parkNanos(this, standAsideNanos);
    standingAside = false;
    return true;
  }

  private void wakeReceiver() {
    Thread thread = receiver;
    if (standingAside && thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** A call's future was made; unless its caller will poll for the reply, the receiver must. */
  void callStarted(boolean callerPolls) {
    inFlight.incrementAndGet();
    if (!callerPolls) {
      wakeReceiver();
    }
  }

  /** A call's future was decided. */
  void callEnded() {
    inFlight.decrementAndGet();
  }

  /**
   * Reads what replies there are and hands each to the handler inside the ring read, where a reply
   * that came whole is decoded from the ring's memory without a copy. The completions of call
   * futures this causes wait until the read lock is let go (see {@link #deferCompletion}), so that
   * what runs on them may block, or poll for another call's reply itself.
   *
   * @return the number of ring messages read
   */
  int poll() {
    // Not again on a thread already in the read (a handler's caller): a nested read would hand on
    // the message in hand a second time.
    if (reading == Thread.currentThread() || !readLock.tryLock()) {
      return 0;
    }
    int read;
    Deferred completions;
    try {
      reading = Thread.currentThread();
      read = replies.read(onReply, 64);
    } catch (ProtocolException e) {
      log.warn("closing connection to {}: {}", remote, e.getMessage());
      ShmThreads.callbacks().execute(() -> closeWith(new ConnectionException(e.getMessage(), e)));
      read = 1;
    } finally {
      reading = null;
      completions = deferred;
      deferred = null;
      lastDeferred = null;
      readLock.unlock();
    }
    for (Deferred next = completions; next != null; next = next.next) {
      next.run();
    }
    if (control == ShmMessages.BYE) {
      closeWith(new ConnectionException(remote + " closed the connection"));
    }
    return read;
  }

  /**
   * Whether {@code future} should not complete now but when the current ring read ends, because
   * this thread is in it; if so, the completion is queued.
   */
  boolean deferCompletion(ShmCallFuture<?> future, Object value, Throwable failure) {
    if (reading != Thread.currentThread()) {
      return false;
    }
    Deferred completion = new Deferred(future, value, failure);
    if (deferred == null) {
      deferred = completion;
    } else {
      lastDeferred.next = completion;
    }
    lastDeferred = completion;
    return true;
  }

  /** A call's completion held back until the ring read that caused it ends; a list, in order. */
  private static final class Deferred {
    private final ShmCallFuture<?> future;
    private final Object value;
    private final Throwable failure;
    private Deferred next;

    Deferred(ShmCallFuture<?> future, Object value, Throwable failure) {
      this.future = future;
      this.value = value;
      this.failure = failure;
    }

    void run() {
      if (failure != null) {
        future.completeNow(null, failure);
      } else {
        future.completeNow(value, null);
      }
    }
  }

  /**
   * Whether the reply ring holds a message, without taking the read lock: what a waiting caller
   * checks between polls. Reads the length word of the record at the ring's head, as {@code read}
   * does first; it turns non-zero when the record is committed.
   */
  private boolean replyWaiting() {
    int index = (int) replies.consumerPosition() & (replies.capacity() - 1);
    return replies.buffer().getIntVolatile(index) != 0;
  }

  private void onReply(int type, MutableDirectBuffer buffer, int index, int length) {
    switch (type) {
      case ShmMessages.WELCOME, ShmMessages.REFUSED, ShmMessages.BYE -> control = type;
      default -> {
        ByteBuf frame = assembler.onMessage(type, buffer, index, length);
        if (frame != null) {
          try {
            handler.frameReceived(frame);
          } finally {
            assembler.done(frame);
          }
        }
      }
    }
  }

  /** Polls for replies on the calling thread until {@code call} completes or help runs out. */
  void helpUntilDone(CompletableFuture<?> call, long deadline) throws InterruptedException {
    boolean spin = config.idle() == ShmConfig.IdleMode.BUSY_SPIN;
    long helpUntil = spin ? deadline : Math.min(deadline, System.nanoTime() + HELP_NANOS);
    helpers.incrementAndGet();
    try {
      pollUntil(call, spin, helpUntil);
    } finally {
      if (helpers.decrementAndGet() == 0 && inFlight.get() > 0) {
        wakeReceiver();
      }
    }
  }

  private void pollUntil(CompletableFuture<?> call, boolean spin, long helpUntil)
      throws InterruptedException {
    int idleRounds = 0;
    while (!call.isDone() && !closed) {
      if (replyWaiting() && poll() > 0) {
        idleRounds = 0;
        continue;
      }
      // The clock and the interrupt flag cost more than a look at the ring: check them less often.
      if ((++idleRounds & 63) == 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (System.nanoTime() - helpUntil > 0) {
          return;
        }
      }
      if (spin || (idleRounds < 1_000 && idleRounds % ShmThreads.YIELD_EVERY != 0)) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  @Override
  public <R> CompletableFuture<R> newCallFuture(boolean callerWaits) {
    callStarted(callerWaits);
    return new ShmCallFuture<>(this);
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
    return !closed && !serverLeft();
  }

  @Override
  public SocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public void close() {
    closeWith(null);
  }

  private void closeWith(SkiffException cause) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    wakeReceiver();
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    boolean serverAlive = serverGone() == null;
    if (serverAlive) {
      // Best effort: if the ring is full the server still sees this slot CLOSED.
      RingFrames.tryWriteControl(requests, ShmMessages.BYE, true, slot, (int) slotGeneration(word));
      segment.setState(slotOffset, word, SLOT_CLOSED);
    } else {
      // Nobody will free this slot for us; and with no server left, the segment is garbage.
      segment.setState(slotOffset, word, SLOT_FREE);
      if (segment.liveServerCount(config.peerTimeout().toNanos()) == 0) {
        segment.reclaim();
      }
    }
    readLock.lock();
    try {
      assembler.reset();
    } finally {
      readLock.unlock();
    }
    FrameHandler bound = handler;
    if (bound != null) {
      bound.connectionClosed(cause);
    }
  }

  /** Gives the slot up after a failed handshake. */
  private void abandon() {
    handler = null;
    closeWith(null);
  }
}

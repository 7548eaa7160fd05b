package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmSegmentDescriptor.*;

import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.PeerDiedException;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.ServerTransport;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process attached to a mailbox: it holds one server slot and receives from that slot's
 * request ring, on one receiver thread. Clients that chose this server say hello there; each gets a
 * {@link ShmServerConnection}. The heartbeat thread stamps the slot, frees the slots of clients
 * that left or died, and unblocks the ring when a client died between claiming space and committing
 * it.
 */
final class ShmListener implements ServerTransport.Listener {
  private static final Logger log = LoggerFactory.getLogger(ShmListener.class);

  private final ShmSegment segment;
  private final ShmConfig config;
  private final int maxFrameSize;
  private final Address address;
  private final Function<FrameConnection, FrameHandler> accept;
  private final int server;
  private final int slotOffset;
  private final ManyToOneRingBuffer requests;
  private final RingView requestMemory;
  private final AtomicReferenceArray<ShmServerConnection> connections;
  private final long peerTimeout;
  private volatile long word;
  private volatile boolean accepting = true;
  private volatile boolean closed;
  private Thread receiver;
  private ScheduledFuture<?> heartbeat;
  private long lastHead = -1;
  private long stuckSince;

  private ShmListener(
      ShmSegment segment,
      ShmConfig config,
      int maxFrameSize,
      Address address,
      Function<FrameConnection, FrameHandler> accept,
      int server,
      long word) {
    this.segment = segment;
    this.config = config;
    this.maxFrameSize = maxFrameSize;
    this.address = address;
    this.accept = accept;
    this.server = server;
    this.slotOffset = segment.serverOffset(server);
    this.word = word;
    this.requests = segment.requestRing(server);
    this.requestMemory = new RingView(requests.buffer());
    this.connections = new AtomicReferenceArray<>(segment.maxClients);
    this.peerTimeout = config.peerTimeout().toNanos();
  }

  static ShmListener start(
      ShmConfig config,
      int maxFrameSize,
      Address address,
      Function<FrameConnection, FrameHandler> accept) {
    ShmSegment segment = ShmSegment.createOrAttach(config, address.path());
    long peerTimeout = config.peerTimeout().toNanos();
    for (int s = 0; s < segment.maxServers; s++) {
      // A slot whose server died long ago is reused: its clients have given up on it by now.
      long claimed = segment.claim(segment.serverOffset(s), 3 * peerTimeout);
      if (claimed >= 0) {
        segment.clearRing(segment.requestRing(s));
        long active = slotWord(slotGeneration(claimed), SLOT_ACTIVE);
        segment.compareAndSetWord(segment.serverOffset(s), claimed, active);
        ShmListener listener =
            new ShmListener(segment, config, maxFrameSize, address, accept, s, active);
        listener.begin();
        return listener;
      }
    }
    throw new ConnectionException(
        "cannot listen on "
            + address
            + ": all "
            + segment.maxServers
            + " server slots of its mailbox are taken");
  }

  private void begin() {
    long interval = config.heartbeatInterval().toNanos();
    heartbeat =
        ShmThreads.heartbeats()
            .scheduleAtFixedRate(this::heartbeat, 0, interval, TimeUnit.NANOSECONDS);
    receiver = ShmThreads.daemon("skiff-shm-server-" + segment.name + "-" + server, this::receive);
    receiver.start();
  }

  private void receive() {
    IdleStrategy idle = ShmThreads.idle(config.idle());
    // One handler for the whole loop: a method reference made per poll is garbage per spin.
    MessageHandler onRequest = this::onRequest;
    while (!closed) {
      int read;
      try {
        read = requests.read(onRequest, 64);
      } catch (RuntimeException e) {
        // A handler's failure must not stop the server's only receiver.
        log.warn("shm receiver of {}: {}", address, e.toString(), e);
        read = 1;
      }
      idle.idle(read);
    }
  }

  private void onRequest(int type, MutableDirectBuffer buffer, int index, int length) {
    if (length < ShmMessages.REQUEST_HEADER) {
      return;
    }
    int client = buffer.getInt(index);
    int generation = buffer.getInt(index + 4);
    if (client < 0 || client >= segment.maxClients) {
      return;
    }
    if (type == ShmMessages.HELLO) {
      hello(client, generation);
      return;
    }
    ShmServerConnection connection = connections.get(client);
    if (connection == null || (int) slotGeneration(connection.word) != generation) {
      return; // from a client this server no longer knows: dropped
    }
    if (type == ShmMessages.BYE) {
      connection.closeWith(null, false);
      return;
    }
    connection.onMessage(
        type, buffer, index + ShmMessages.REQUEST_HEADER, length - ShmMessages.REQUEST_HEADER);
  }

  private void hello(int client, int generation) {
    int offset = segment.clientOffset(client);
    long clientWord = segment.word(offset);
    if (slotState(clientWord) != SLOT_ACTIVE
        || (int) slotGeneration(clientWord) != generation
        || segment.buffer.getInt(offset + SLOT_SERVER_OFFSET) != server
        || segment.buffer.getInt(offset + SLOT_SERVER_GENERATION_OFFSET)
            != (int) slotGeneration(word)) {
      return;
    }
    ShmPeerAddress remote = new ShmPeerAddress(segment.name, "client", client, segment.pid(offset));
    ShmServerConnection connection =
        new ShmServerConnection(
            this,
            client,
            clientWord,
            segment.replyRing(client),
            requestMemory,
            maxFrameSize,
            remote);
    if (!accepting) {
      connection.sendControl(ShmMessages.REFUSED);
      return;
    }
    ShmServerConnection previous = connections.getAndSet(client, connection);
    if (previous != null) {
      previous.closeWith(null, false);
    }
    connection.bind(accept.apply(connection));
    connection.sendControl(ShmMessages.WELCOME);
  }

  /** On the heartbeat thread: stamp, watch clients, unblock a ring a dead client jammed. */
  private void heartbeat() {
    if (closed) {
      return;
    }
    try {
      segment.beat(slotOffset);
      for (int c = 0; c < segment.maxClients; c++) {
        checkClient(c);
      }
      unblockIfJammed();
    } catch (RuntimeException e) {
      log.warn("shm heartbeat of {} failed", address, e);
    }
  }

  private void checkClient(int client) {
    int offset = segment.clientOffset(client);
    long clientWord = segment.word(offset);
    int state = slotState(clientWord);
    ShmServerConnection connection = connections.get(client);
    boolean stale = state != SLOT_FREE && segment.heartbeatStale(offset, peerTimeout);
    if (connection != null && (clientWord != connection.word || stale)) {
      connection.closeWith(
          stale ? new PeerDiedException("client " + connection.remoteAddress() + " died") : null,
          false);
    }
    boolean mine =
        segment.buffer.getInt(offset + SLOT_SERVER_OFFSET) == server
            && segment.buffer.getInt(offset + SLOT_SERVER_GENERATION_OFFSET)
                == (int) slotGeneration(word);
    if (mine && (state == SLOT_CLOSED || (state == SLOT_ACTIVE && stale))) {
      segment.setState(offset, clientWord, SLOT_FREE);
    }
  }

  /**
   * A client that dies after claiming ring space and before committing it blocks the ring for
   * everyone. Agrona's unblock pads over such a record; since it would also pad over a live but
   * slow producer's record, only a head that has not moved for a whole peer timeout counts.
   */
  private void unblockIfJammed() {
    long head = requests.consumerPosition();
    if (head == requests.producerPosition()) {
      lastHead = -1;
      return;
    }
    long now = System.nanoTime();
    if (head != lastHead) {
      lastHead = head;
      stuckSince = now;
    } else if (now - stuckSince > peerTimeout && requests.unblock()) {
      log.warn("unblocked the request ring of {}: a client died mid-message", address);
      stuckSince = now;
    }
  }

  boolean clientAlive(ShmServerConnection connection) {
    int offset = segment.clientOffset(connection.slot);
    return segment.word(offset) == connection.word && !segment.heartbeatStale(offset, peerTimeout);
  }

  void forget(ShmServerConnection connection) {
    connections.compareAndSet(connection.slot, connection, null);
  }

  @Override
  public Address localAddress() {
    return address;
  }

  @Override
  public synchronized void stopAccepting() {
    if (!accepting) {
      return;
    }
    accepting = false;
    long draining = slotWord(slotGeneration(word), SLOT_DRAINING);
    if (segment.compareAndSetWord(slotOffset, word, draining)) {
      word = draining;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      stopAccepting();
      closed = true;
    }
    heartbeat.cancel(false);
    try {
      receiver.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int c = 0; c < connections.length(); c++) {
      ShmServerConnection connection = connections.get(c);
      if (connection != null) {
        connection.closeWith(null, true);
      }
    }
    segment.setState(slotOffset, word, SLOT_FREE);
    if (segment.liveServerCount(peerTimeout) == 0) {
      segment.reclaim();
    }
  }
}

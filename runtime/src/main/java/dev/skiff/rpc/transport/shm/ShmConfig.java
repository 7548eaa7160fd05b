package dev.skiff.rpc.transport.shm;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the {@code shm://} transport. The server that creates a mailbox fixes its layout
 * (directory, ring capacities, slot counts); clients and later servers read the layout from the
 * segment's header and use only the directory, idle strategy, full-ring policy and liveness timings
 * from here. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param directory where segments live: {@code /dev/shm} where it exists, else the temp directory
 * @param requestRingCapacity bytes in each server's request ring, a power of two; 1 MiB by default.
 *     A message up to an eighth of it travels in one piece; larger ones are fragmented
 * @param replyRingCapacity bytes in each client's reply ring, a power of two; 1 MiB by default
 * @param maxClients how many client connections a mailbox holds at once; 64 by default
 * @param maxServers how many server processes may attach to one mailbox; 4 by default
 * @param idle how a receiver waits for messages
 * @param whenFull what a client's send does when the request ring is full
 * @param heartbeatInterval how often every participant stamps its heartbeat; 100 ms by default
 * @param peerTimeout how long a heartbeat may go unstamped before its owner counts as dead; 1 s by
 *     default
 */
public record ShmConfig(
    Path directory,
    int requestRingCapacity,
    int replyRingCapacity,
    int maxClients,
    int maxServers,
    IdleMode idle,
    WhenFull whenFull,
    Duration heartbeatInterval,
    Duration peerTimeout) {

  /** How a receiver waits when its ring is empty. */
  public enum IdleMode {
    /**
     * Spin, then yield, then sleep for growing periods up to a millisecond: low latency while
     * messages flow, almost no CPU when idle. The default.
     */
    BACKOFF,
    /** Spin without pause: the lowest latency, one busy core per receiver. */
    BUSY_SPIN
  }

  /** What a sender does when the ring it sends to has no room (the IPC model's full mailbox). */
  public enum WhenFull {
    /** Block until the receiver makes room, or until it is found dead. The default. */
    WAIT,
    /** Fail the call at once with {@link dev.skiff.rpc.MailboxFullException}. */
    FAIL_FAST
  }

  private static final int MIN_RING = 4096;
  private static final int MAX_RING = 1 << 30;

  public ShmConfig {
    requireNonNull(directory, "directory");
    requireNonNull(idle, "idle");
    requireNonNull(whenFull, "whenFull");
    requireNonNull(heartbeatInterval, "heartbeatInterval");
    requireNonNull(peerTimeout, "peerTimeout");
    checkRing("requestRingCapacity", requestRingCapacity);
    checkRing("replyRingCapacity", replyRingCapacity);
    if (maxClients < 1 || maxClients > 65_536) {
      throw new IllegalArgumentException("maxClients " + maxClients + " is outside 1 to 65536");
    }
    if (maxServers < 1 || maxServers > 64) {
      throw new IllegalArgumentException("maxServers " + maxServers + " is outside 1 to 64");
    }
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
    if (peerTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "peerTimeout "
              + peerTimeout
              + " must be at least twice the heartbeat interval "
              + heartbeatInterval);
    }
  }

  private static void checkRing(String name, int capacity) {
    if (capacity < MIN_RING || capacity > MAX_RING || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          name + " " + capacity + " must be a power of two from " + MIN_RING + " to " + MAX_RING);
    }
  }

  private static final ShmConfig DEFAULTS = builder().build();

  public static ShmConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.directory = directory;
    b.requestRingCapacity = requestRingCapacity;
    b.replyRingCapacity = replyRingCapacity;
    b.maxClients = maxClients;
    b.maxServers = maxServers;
    b.idle = idle;
    b.whenFull = whenFull;
    b.heartbeatInterval = heartbeatInterval;
    b.peerTimeout = peerTimeout;
    return b;
  }

  /** {@code /dev/shm} where it is a writable directory, else {@code java.io.tmpdir}. */
  public static Path defaultDirectory() {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm)
        ? shm
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Builds a {@link ShmConfig}; not thread-safe. */
  public static final class Builder {
    private Path directory = defaultDirectory();
    private int requestRingCapacity = 1 << 20;
    private int replyRingCapacity = 1 << 20;
    private int maxClients = 64;
    private int maxServers = 4;
    private IdleMode idle = IdleMode.BACKOFF;
    private WhenFull whenFull = WhenFull.WAIT;
    private Duration heartbeatInterval = Duration.ofMillis(100);
    private Duration peerTimeout = Duration.ofSeconds(1);

    private Builder() {}

    public Builder directory(Path directory) {
      this.directory = requireNonNull(directory, "directory");
      return this;
    }

    public Builder requestRingCapacity(int bytes) {
      this.requestRingCapacity = bytes;
      return this;
    }

    public Builder replyRingCapacity(int bytes) {
      this.replyRingCapacity = bytes;
      return this;
    }

    public Builder maxClients(int clients) {
      this.maxClients = clients;
      return this;
    }

    public Builder maxServers(int servers) {
      this.maxServers = servers;
      return this;
    }

    public Builder idle(IdleMode idle) {
      this.idle = requireNonNull(idle, "idle");
      return this;
    }

    public Builder whenFull(WhenFull whenFull) {
      this.whenFull = requireNonNull(whenFull, "whenFull");
      return this;
    }

    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = requireNonNull(interval, "interval");
      return this;
    }

    public Builder peerTimeout(Duration timeout) {
      this.peerTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    public ShmConfig build() {
      return new ShmConfig(
          directory,
          requestRingCapacity,
          replyRingCapacity,
          maxClients,
          maxServers,
          idle,
          whenFull,
          heartbeatInterval,
          peerTimeout);
    }
  }
}

package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmSegmentDescriptor.*;

import dev.skiff.rpc.ConnectionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * One mapping of a mailbox segment (layout in {@link ShmSegmentDescriptor}): creating, opening,
 * reclaiming and unlinking the file, and the slot operations every participant shares. Files are
 * created 0600 with {@code O_EXCL}, and opened with {@code O_NOFOLLOW}, so a symbolic link planted
 * at the path is refused.
 *
 * <p>The mapping is never unmapped explicitly: a thread racing a close could otherwise touch
 * unmapped memory and crash the JVM. The garbage collector unmaps it once nothing refers to it.
 * Thread-safe: all shared words are read and written with volatile or release semantics.
 */
final class ShmSegment {
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  final Path file;
  final String name;
  final UnsafeBuffer buffer;
  final int maxServers;
  final int maxClients;
  final int requestRingCapacity;
  final int replyRingCapacity;
  private final Object fileKey;

  private ShmSegment(Path file, String name, MappedByteBuffer mapped, Object fileKey) {
    this.file = file;
    this.name = name;
    this.buffer = new UnsafeBuffer(mapped);
    this.fileKey = fileKey;
    this.maxServers = buffer.getInt(MAX_SERVERS_OFFSET);
    this.maxClients = buffer.getInt(MAX_CLIENTS_OFFSET);
    this.requestRingCapacity = buffer.getInt(REQUEST_RING_CAPACITY_OFFSET);
    this.replyRingCapacity = buffer.getInt(REPLY_RING_CAPACITY_OFFSET);
  }

  static Path fileOf(ShmConfig config, String name) {
    return config.directory().resolve("skiff-" + name + ".shm");
  }

  /**
   * Agrona 2 reaches {@code jdk.internal.misc.Unsafe}; without the export it fails deep inside with
   * an {@link IllegalAccessError}. Say what to do instead.
   */
  static void requireUnsafeAccess() {
    if (!Object.class.getModule().isExported("jdk.internal.misc", ShmSegment.class.getModule())) {
      throw new ConnectionException(
          "the shm transport needs the JVM option --add-exports"
              + " java.base/jdk.internal.misc=ALL-UNNAMED (Agrona uses jdk.internal.misc.Unsafe)");
    }
  }

  /**
   * Creates the segment, or opens it when a live server already serves it. A segment whose servers
   * are all dead, or one left half-initialized, is reclaimed: unlinked and created anew.
   */
  static ShmSegment createOrAttach(ShmConfig config, String name) {
    requireUnsafeAccess();
    Path file = fileOf(config, name);
    long deadline = System.nanoTime() + 4 * config.peerTimeout().toNanos();
    while (true) {
      try {
        return create(file, name, config);
      } catch (FileAlreadyExistsException e) {
        // Fall through: look at the one that is there.
      } catch (IOException e) {
        throw new ConnectionException("cannot create shm segment " + file + ": " + e, e);
      }
      ShmSegment existing = openExisting(file, name, config.peerTimeout().toNanos());
      if (existing != null) {
        if (existing.liveServerCount(config.peerTimeout().toNanos()) > 0) {
          return existing;
        }
        existing.reclaim();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ConnectionException(
            "cannot create shm segment " + file + ": another process keeps recreating it");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /**
   * Opens the segment of a running server.
   *
   * @throws ConnectionException if there is none, or it is not a valid segment
   */
  static ShmSegment openForClient(ShmConfig config, String name, long waitNanos) {
    requireUnsafeAccess();
    Path file = fileOf(config, name);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ConnectionException("no server at shm://" + name + ": " + file + " does not exist");
    }
    ShmSegment segment = openExisting(file, name, waitNanos);
    if (segment == null) {
      throw new ConnectionException("no server at shm://" + name + ": " + file + " is stale");
    }
    return segment;
  }

  private static ShmSegment create(Path file, String name, ShmConfig config) throws IOException {
    long length =
        segmentLength(
            config.maxServers(),
            config.maxClients(),
            config.requestRingCapacity(),
            config.replyRingCapacity());
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "shm segment of " + length + " bytes exceeds 2 GiB: use fewer clients or smaller rings");
    }
    Set<OpenOption> options =
        Set.of(
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    MappedByteBuffer mapped;
    try (FileChannel channel =
        FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
      // The umask can only take bits away from 0600; set it anyway, so the mode is exact.
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      channel.write(ByteBuffer.wrap(new byte[1]), length - 1);
      mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof FileAlreadyExistsException)) {
        Files.deleteIfExists(file);
      }
      throw e;
    }
    UnsafeBuffer header = new UnsafeBuffer(mapped);
    header.putLong(MAGIC_OFFSET, MAGIC);
    header.putInt(VERSION_OFFSET, VERSION);
    header.putInt(MAX_SERVERS_OFFSET, config.maxServers());
    header.putInt(MAX_CLIENTS_OFFSET, config.maxClients());
    header.putInt(REQUEST_RING_CAPACITY_OFFSET, config.requestRingCapacity());
    header.putInt(REPLY_RING_CAPACITY_OFFSET, config.replyRingCapacity());
    header.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
    header.putLong(SEGMENT_LENGTH_OFFSET, length);
    header.putIntRelease(STATE_OFFSET, STATE_READY);
    return new ShmSegment(file, name, mapped, fileKey(file));
  }

  /**
   * Maps an existing segment once it is READY. Returns null if it stays uninitialized for {@code
   * waitNanos} (its creator died) or was reclaimed meanwhile.
   */
  private static ShmSegment openExisting(Path file, String name, long waitNanos) {
    long deadline = System.nanoTime() + waitNanos;
    while (true) {
      MappedByteBuffer mapped;
      Object key;
      try {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || !attributes.isRegularFile()) {
          throw new ConnectionException(
              "refusing shm segment " + file + ": not a regular file (a symbolic link?)");
        }
        key = attributes.fileKey();
        try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          long size = channel.size();
          if (size < HEADER_LENGTH) {
            mapped = null;
          } else {
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
          }
        }
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException e) {
        throw new ConnectionException("cannot open shm segment " + file + ": " + e, e);
      }
      if (mapped != null) {
        UnsafeBuffer header = new UnsafeBuffer(mapped);
        int state = header.getIntVolatile(STATE_OFFSET);
        if (state == STATE_RECLAIMED) {
          return null;
        }
        if (state == STATE_READY) {
          if (header.getLong(MAGIC_OFFSET) != MAGIC) {
            throw new ConnectionException("refusing " + file + ": not a Skiff shm segment");
          }
          int version = header.getInt(VERSION_OFFSET);
          if (version != VERSION) {
            throw new ConnectionException(
                "refusing shm segment "
                    + file
                    + ": layout version "
                    + version
                    + ", expected "
                    + VERSION);
          }
          if (header.getLong(SEGMENT_LENGTH_OFFSET) != mapped.capacity()) {
            throw new ConnectionException("refusing shm segment " + file + ": wrong length");
          }
          return new ShmSegment(file, name, mapped, key);
        }
      }
      if (System.nanoTime() - deadline > 0) {
        // Never finished initializing: its creator died. Let a reclaimer remove it.
        forceUnlinkStale(file, key);
        return null;
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static void forceUnlinkStale(Path file, Object key) {
    try {
      Object now = fileKey(file);
      if (now != null && now.equals(key)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Another process removed it first.
    }
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  // ---- slots

  long word(int slotOffset) {
    return buffer.getLongVolatile(slotOffset + SLOT_WORD_OFFSET);
  }

  boolean compareAndSetWord(int slotOffset, long expected, long update) {
    return buffer.compareAndSetLong(slotOffset + SLOT_WORD_OFFSET, expected, update);
  }

  void beat(int slotOffset) {
    buffer.putLongRelease(slotOffset + SLOT_HEARTBEAT_OFFSET, System.nanoTime());
  }

  long heartbeat(int slotOffset) {
    return buffer.getLongVolatile(slotOffset + SLOT_HEARTBEAT_OFFSET);
  }

  boolean heartbeatStale(int slotOffset, long timeoutNanos) {
    return System.nanoTime() - heartbeat(slotOffset) > timeoutNanos;
  }

  long pid(int slotOffset) {
    return buffer.getLongVolatile(slotOffset + SLOT_PID_OFFSET);
  }

  int serverOffset(int server) {
    return serverSlotOffset(server);
  }

  int clientOffset(int client) {
    return clientSlotOffset(maxServers, client);
  }

  /**
   * Claims a slot for this process: a free one, or one whose owner's heartbeat has been stale for
   * {@code staleNanos}. Stamps pid and heartbeat while the slot is CLAIMING, so nobody mistakes the
   * new owner for the dead one, and returns the new word (state CLAIMING). Returns -1 if none.
   */
  long claim(int slotOffset, long staleNanos) {
    long word = word(slotOffset);
    int state = slotState(word);
    boolean free = state == SLOT_FREE;
    if (!free && !heartbeatStale(slotOffset, staleNanos)) {
      return -1;
    }
    long claimed = slotWord(slotGeneration(word) + 1, SLOT_CLAIMING);
    if (!compareAndSetWord(slotOffset, word, claimed)) {
      return -1;
    }
    buffer.putLongRelease(slotOffset + SLOT_PID_OFFSET, ProcessHandle.current().pid());
    beat(slotOffset);
    return claimed;
  }

  /** Sets a slot's state keeping its generation, if the word is still {@code expected}. */
  boolean setState(int slotOffset, long expected, int state) {
    return compareAndSetWord(slotOffset, expected, slotWord(slotGeneration(expected), state));
  }

  /** Whether a server slot holds a live server (accepting or draining). */
  boolean serverAlive(int server, long timeoutNanos) {
    int offset = serverOffset(server);
    int state = slotState(word(offset));
    return (state == SLOT_ACTIVE || state == SLOT_DRAINING || state == SLOT_CLAIMING)
        && !heartbeatStale(offset, timeoutNanos);
  }

  int liveServerCount(long timeoutNanos) {
    int live = 0;
    for (int s = 0; s < maxServers; s++) {
      if (serverAlive(s, timeoutNanos)) {
        live++;
      }
    }
    return live;
  }

  // ---- rings

  ManyToOneRingBuffer requestRing(int server) {
    long offset = requestRingOffset(maxServers, maxClients, server, requestRingCapacity);
    return new ManyToOneRingBuffer(ringBuffer(offset, requestRingCapacity));
  }

  OneToOneRingBuffer replyRing(int client) {
    long offset =
        replyRingOffset(maxServers, maxClients, client, requestRingCapacity, replyRingCapacity);
    return new OneToOneRingBuffer(ringBuffer(offset, replyRingCapacity));
  }

  /** Zeroes a ring, for its slot's new owner; only when no one else can be using it. */
  void clearRing(OneToOneRingBuffer ring) {
    ring.buffer().setMemory(0, ring.buffer().capacity(), (byte) 0);
  }

  void clearRing(ManyToOneRingBuffer ring) {
    ring.buffer().setMemory(0, ring.buffer().capacity(), (byte) 0);
  }

  private UnsafeBuffer ringBuffer(long offset, int capacity) {
    return new UnsafeBuffer(
        buffer,
        (int) offset,
        capacity + org.agrona.concurrent.ringbuffer.RingBufferDescriptor.TRAILER_LENGTH);
  }

  // ---- lifetime

  /**
   * Declares this segment dead and unlinks its file, if this process wins the right to (one
   * reclaimer per segment) and the path still names this segment. Call only when no server is alive
   * in it.
   */
  boolean reclaim() {
    if (!buffer.compareAndSetLong(RECLAIMER_OFFSET, 0, ProcessHandle.current().pid())) {
      return false;
    }
    buffer.putIntVolatile(STATE_OFFSET, STATE_RECLAIMED);
    unlink();
    return true;
  }

  /** Unlinks the file if the path still names this segment. */
  void unlink() {
    try {
      Object now = fileKey(file);
      if (now != null && now.equals(fileKey)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Gone already, or unreadable: the next server start reclaims it.
    }
  }

  boolean reclaimed() {
    return buffer.getIntVolatile(STATE_OFFSET) == STATE_RECLAIMED;
  }
}

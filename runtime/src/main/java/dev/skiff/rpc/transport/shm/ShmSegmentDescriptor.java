package dev.skiff.rpc.transport.shm;

import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The layout of a mailbox segment, described once. A segment is one file, {@code skiff-<name>.shm},
 * mapped by every participant:
 *
 * <pre>
 *   0                                         SLOTS_OFFSET
 *   +----------------------------------------+------------------------------------------+
 *   | header (128 bytes)                     | server slots: maxServers x SLOT_LENGTH   |
 *   +----------------------------------------+------------------------------------------+
 *   | client slots: maxClients x SLOT_LENGTH                       | pad to a page      |
 *   +--------------------------------------------------------------+--------------------+
 *   | request ring 0: ManyToOneRingBuffer, requestRingCapacity + trailer, page-aligned   |
 *   | ...  one per server slot: the mailbox that server receives from                    |
 *   +------------------------------------------------------------------------------------+
 *   | reply ring 0: OneToOneRingBuffer, replyRingCapacity + trailer, page-aligned        |
 *   | ...  one per client slot: written by its server, read by that client               |
 *   +------------------------------------------------------------------------------------+
 *
 * Header                                     Slot (one per server or client)
 *   0  magic              long                 0  word        long  generation << 8 | state
 *   8  version            int                  8  pid         long
 *   12 state              int                  16 heartbeat   long  System.nanoTime() of the beat
 *   16 maxServers         int                  24 server      int   (client) the server slot bound
 *   20 maxClients         int                  28 serverGen   int   (client) its generation then
 *   24 requestRingCapacity int
 *   28 replyRingCapacity  int
 *   32 creatorPid         long
 *   40 reclaimer          long  pid that won the right to delete a dead segment; 0 if none
 *   48 segmentLength      long
 * </pre>
 *
 * <p>The creator writes every header field, then {@code state = READY} with release semantics;
 * readers check magic, version and state before trusting the rest. A slot's word changes only by
 * compare-and-set, so exactly one process claims a free slot, and the generation, bumped on every
 * claim, tells a message or a binding from an earlier owner of the same slot.
 *
 * <p>Heartbeats are {@link System#nanoTime()} values: on Linux that is CLOCK_MONOTONIC, one clock
 * for every process on the host, so a reader can compare another process's stamp with its own
 * clock.
 */
public final class ShmSegmentDescriptor {
  /** "SKIFFSHM" in ASCII. */
  public static final long MAGIC = 0x534B49464653484DL;

  /** Bumped on any change to this layout or to the messages in the rings. */
  public static final int VERSION = 1;

  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 8;
  public static final int STATE_OFFSET = 12;
  public static final int MAX_SERVERS_OFFSET = 16;
  public static final int MAX_CLIENTS_OFFSET = 20;
  public static final int REQUEST_RING_CAPACITY_OFFSET = 24;
  public static final int REPLY_RING_CAPACITY_OFFSET = 28;
  public static final int CREATOR_PID_OFFSET = 32;
  public static final int RECLAIMER_OFFSET = 40;
  public static final int SEGMENT_LENGTH_OFFSET = 48;
  public static final int HEADER_LENGTH = 128;

  /** Segment states. */
  public static final int STATE_INITIALIZING = 0;

  public static final int STATE_READY = 1;

  /** Declared dead by a reclaimer, which unlinks the file; a newcomer opens the path again. */
  public static final int STATE_RECLAIMED = 2;

  public static final int SLOTS_OFFSET = HEADER_LENGTH;

  /** Two cache lines, so that one participant's heartbeats do not slow its neighbours. */
  public static final int SLOT_LENGTH = 128;

  public static final int SLOT_WORD_OFFSET = 0;
  public static final int SLOT_PID_OFFSET = 8;
  public static final int SLOT_HEARTBEAT_OFFSET = 16;
  public static final int SLOT_SERVER_OFFSET = 24;
  public static final int SLOT_SERVER_GENERATION_OFFSET = 28;

  /** Slot states, the low byte of the slot word. */
  public static final int SLOT_FREE = 0;

  /** Claimed, being set up by its new owner; nobody else touches it. */
  public static final int SLOT_CLAIMING = 1;

  public static final int SLOT_ACTIVE = 2;

  /** A server that no longer accepts connections; those it has go on. */
  public static final int SLOT_DRAINING = 3;

  /** A client that said goodbye; its server frees the slot. */
  public static final int SLOT_CLOSED = 4;

  public static final int PAGE = 4096;

  private ShmSegmentDescriptor() {}

  public static int slotState(long word) {
    return (int) (word & 0xFF);
  }

  public static long slotGeneration(long word) {
    return word >>> 8;
  }

  public static long slotWord(long generation, int state) {
    return (generation << 8) | state;
  }

  public static int serverSlotOffset(int server) {
    return SLOTS_OFFSET + server * SLOT_LENGTH;
  }

  public static int clientSlotOffset(int maxServers, int client) {
    return SLOTS_OFFSET + (maxServers + client) * SLOT_LENGTH;
  }

  /** Bytes a ring of {@code capacity} takes, with Agrona's trailer, rounded up to a page. */
  public static long ringLength(int capacity) {
    return align(capacity + (long) RingBufferDescriptor.TRAILER_LENGTH, PAGE);
  }

  public static long requestRingOffset(int maxServers, int maxClients, int server, int requestCap) {
    long slotsEnd = align(SLOTS_OFFSET + (long) (maxServers + maxClients) * SLOT_LENGTH, PAGE);
    return slotsEnd + server * ringLength(requestCap);
  }

  public static long replyRingOffset(
      int maxServers, int maxClients, int client, int requestCap, int replyCap) {
    return requestRingOffset(maxServers, maxClients, maxServers, requestCap)
        + client * ringLength(replyCap);
  }

  public static long segmentLength(int maxServers, int maxClients, int requestCap, int replyCap) {
    return replyRingOffset(maxServers, maxClients, maxClients, requestCap, replyCap);
  }

  private static long align(long value, int alignment) {
    return (value + alignment - 1) & -alignment;
  }
}

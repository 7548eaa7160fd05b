package dev.skiff.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The shared-memory floor: the least two processes can do to exchange a message through shared
 * memory. One mapped file holds a ping word with the payload's length beside it, a pong word (on
 * cache lines of its own) and two payload areas; the pinger copies its payload in and publishes the
 * ping, the ponger copies it to the reply area and publishes the pong. No framing, no protocol, no
 * rings: what is left is the cost of moving cache lines between cores. Waiting spins, yielding now
 * and then so that both processes can share one core.
 */
final class MappedPingPong implements AutoCloseable {
  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final int PING = 0;
  private static final int LENGTH_WORD = 8;
  private static final int PONG = 128;
  private static final int REQUEST = 256;
  static final int MAX_PAYLOAD = 1 << 20;
  private static final int REPLY = REQUEST + MAX_PAYLOAD;
  static final long LENGTH = REPLY + MAX_PAYLOAD;
  private static final long STOP = Long.MIN_VALUE;

  /**
   * Spins between yields: as often as Skiff's shm receivers yield, so that on one core the ratio
   * compares the rest. Every 1,000 made a round trip on one core take 33 us, one side spinning
   * while the other waited for the core; every 100 takes 4.2 us, every 10 1.5 us.
   */
  private static final int YIELD_EVERY = 100;

  private final MappedByteBuffer buffer;
  private long sequence;

  MappedPingPong(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, LENGTH);
    }
    // A new pinger goes on from where the last one stopped; the ponger counts on.
    sequence = (long) LONGS.getAcquire(buffer, PONG);
  }

  /** One round trip: send {@code payload}, wait for it to come back into {@code reply}. */
  void ping(byte[] payload, byte[] reply) {
    long next = ++sequence;
    buffer.put(REQUEST, payload, 0, payload.length);
    buffer.putLong(LENGTH_WORD, payload.length);
    LONGS.setRelease(buffer, PING, next);
    int spins = 0;
    while ((long) LONGS.getAcquire(buffer, PONG) != next) {
      spins = idle(spins);
    }
    buffer.get(REPLY, reply, 0, reply.length);
  }

  /** Makes {@link #pong} return; called by the ponger's own process when it is done. */
  void stop() {
    LONGS.setRelease(buffer, PING, STOP);
  }

  /** The other process: answers pings until told to stop. */
  void pong() {
    byte[] copy = new byte[MAX_PAYLOAD];
    long expected = 1;
    while (true) {
      int spins = 0;
      long ping;
      while ((ping = (long) LONGS.getAcquire(buffer, PING)) != expected) {
        if (ping == STOP) {
          return;
        }
        spins = idle(spins);
      }
      int size = (int) buffer.getLong(LENGTH_WORD);
      buffer.get(REQUEST, copy, 0, size);
      buffer.put(REPLY, copy, 0, size);
      LONGS.setRelease(buffer, PONG, expected);
      expected++;
    }
  }

  private static int idle(int spins) {
    if (++spins % YIELD_EVERY == 0) {
      Thread.yield();
    } else {
      Thread.onSpinWait();
    }
    return spins;
  }

  @Override
  public void close() {
    // Unmapped by the GC; the file is removed by its creator.
  }
}

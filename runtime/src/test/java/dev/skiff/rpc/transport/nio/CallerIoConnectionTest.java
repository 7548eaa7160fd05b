package dev.skiff.rpc.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.testing.NettyLeaks;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.Frames;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The buffer a {@link CallerIoConnection} hands out again and again to encode frames into. */
@Timeout(30)
class CallerIoConnectionTest {
  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private ServerSocketChannel listener;
  private SocketChannel peer;
  private CallerIoConnection connection;

  @BeforeEach
  void connect() throws IOException {
    listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    SocketChannel client = SocketChannel.open(listener.getLocalAddress());
    peer = listener.accept();
    connection = new CallerIoConnection(client, MAX_FRAME);
    connection.bind(
        new FrameHandler() {
          @Override
          public void frameReceived(ByteBuf frame) {}

          @Override
          public void connectionClosed(Throwable cause) {}
        });
  }

  @AfterEach
  void close() throws IOException {
    connection.close();
    peer.close();
    listener.close();
  }

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @Test
  void framesWrittenBeforeSendReturnsReuseOneBufferAndArriveIntact() throws IOException {
    ByteBuf first = connection.newFrameBuffer();
    send(first, "first");
    assertEquals("first", readFrame());
    for (int i = 0; i < 5; i++) {
      ByteBuf next = connection.newFrameBuffer();
      assertSame(first, next, "the written frame's buffer is handed out again");
      assertEquals(0, next.readableBytes(), "and starts empty");
      send(next, "call " + i);
      assertEquals("call " + i, readFrame());
    }
  }

  @Test
  void aBufferStillHeldIsNotHandedOutTwice() throws IOException {
    ByteBuf held = connection.newFrameBuffer();
    ByteBuf other = connection.newFrameBuffer();
    assertNotSame(held, other);
    send(other, "other");
    send(held, "held");
    assertEquals("other", readFrame());
    assertEquals("held", readFrame());
    // A frame that is encoded but never sent (its encoding failed) gives the buffer back too.
    ByteBuf failed = connection.newFrameBuffer();
    assertSame(held, failed);
    failed.release();
    ByteBuf again = connection.newFrameBuffer();
    assertSame(held, again);
    again.release();
  }

  @Test
  void aBufferGrownForALargeFrameIsReplacedByASmallOne() throws IOException {
    ByteBuf large = connection.newFrameBuffer();
    String big = "z".repeat(1536 * 1024); // grows it past the 1 MiB the connection keeps
    Thread reading = readInBackground(big);
    send(large, big);
    join(reading);
    ByteBuf next = connection.newFrameBuffer();
    assertNotSame(large, next);
    assertTrue(next.capacity() <= 1024 * 1024, "capacity " + next.capacity());
    // The grown one went back to the pool: the leak check after the tests would see it otherwise.
    // (Its refCnt says nothing now: the pool may already have handed its memory out again.)
    send(next, "small again");
    assertEquals("small again", readFrame());
    ByteBuf again = connection.newFrameBuffer();
    assertSame(next, again, "the small one is kept from now on");
    again.release();
  }

  @Test
  void aBufferGrownForLargeFramesUpToAMebibyteIsKept() throws IOException {
    ByteBuf first = connection.newFrameBuffer();
    String large = "w".repeat(300 * 1024);
    for (int i = 0; i < 3; i++) {
      ByteBuf out = i == 0 ? first : connection.newFrameBuffer();
      assertSame(first, out, "call " + i);
      Thread reading = readInBackground(large);
      send(out, large);
      join(reading);
    }
    ByteBuf again = connection.newFrameBuffer();
    assertSame(first, again);
    assertTrue(again.capacity() > 100 * 1024, "still grown: " + again.capacity());
    again.release();
  }

  @Test
  void closingFreesTheBufferOnceNoFrameHoldsIt() {
    ByteBuf own = connection.newFrameBuffer();
    connection.close();
    assertEquals(1, own.refCnt(), "the frame being encoded still holds it");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    own.writeInt(0);
    connection.send(own, failure::set);
    assertTrue(failure.get() != null, "a send after close fails");
    assertEquals(0, own.refCnt());
    ByteBuf after = connection.newFrameBuffer();
    assertNotSame(own, after);
    after.release();
  }

  private void send(ByteBuf out, String text) {
    int start = Frames.begin(out);
    out.writeCharSequence(text, StandardCharsets.UTF_8);
    Frames.end(out, start, MAX_FRAME);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    connection.send(out, failure::set);
    assertNull(failure.get());
  }

  /** Reads one frame on another thread, while the test's thread sends it, and checks it. */
  private Thread readInBackground(String expected) {
    Thread reading =
        new Thread(
            () -> {
              try {
                assertEquals(expected, readFrame());
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
    reading.start();
    return reading;
  }

  private String readFrame() throws IOException {
    ByteBuffer length = ByteBuffer.allocate(4);
    readFully(length);
    ByteBuffer body = ByteBuffer.allocate(length.getInt(0));
    readFully(body);
    return new String(body.array(), StandardCharsets.UTF_8);
  }

  private void readFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (peer.read(buffer) < 0) {
        throw new IOException("peer closed");
      }
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}

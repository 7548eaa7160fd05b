package dev.skiff.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolException.Kind;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link FrameDecoder} and {@link Frames}, with every buffer accounted for. */
class FrameDecoderTest {
  private static final int MAX = 1000;

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  /** Four frames back to back: ordinary, empty, one byte, and exactly the maximum. */
  private static final List<byte[]> FRAMES = frames();

  private static List<byte[]> frames() {
    Random random = new Random(7);
    byte[] large = new byte[MAX];
    random.nextBytes(large);
    return List.of(
        "hello, frames".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new byte[0],
        new byte[] {42},
        large);
  }

  private static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] frame : FRAMES) {
      out.writeBytes(new byte[] {0, 0, (byte) (frame.length >> 8), (byte) frame.length});
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  @Test
  void framesSplitAtEveryByteBoundary() {
    byte[] stream = stream();
    for (int split = 0; split <= stream.length; split++) {
      EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
      List<ByteBuf> written = new ArrayList<>();
      written.add(buffer(stream, 0, split));
      written.add(buffer(stream, split, stream.length - split));
      for (ByteBuf part : written) {
        channel.writeInbound(part.retain());
      }
      assertFrames(channel, "split at " + split);
      assertFalse(channel.finish());
      for (ByteBuf part : written) {
        // The decoder and the released frames have let go; our reference is the last.
        assertEquals(1, part.refCnt(), "split at " + split);
        part.release();
      }
    }
  }

  @Test
  void framesFedOneByteAtATime() {
    byte[] stream = stream();
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
    for (int i = 0; i < stream.length; i++) {
      channel.writeInbound(buffer(stream, i, 1));
    }
    assertFrames(channel, "byte at a time");
    assertFalse(channel.finish());
  }

  @Test
  void framesInOneBuffer() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
    byte[] stream = stream();
    channel.writeInbound(buffer(stream, 0, stream.length));
    assertFrames(channel, "one buffer");
    assertFalse(channel.finish());
  }

  private static void assertFrames(EmbeddedChannel channel, String context) {
    for (byte[] expected : FRAMES) {
      ByteBuf frame = channel.readInbound();
      try {
        assertArrayEquals(expected, ByteBufUtil.getBytes(frame), context);
      } finally {
        frame.release();
      }
    }
    assertNull(channel.readInbound(), context);
  }

  @Test
  void oversizeLengthIsRejectedBeforeTheBodyArrives() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
    ByteBuf header = buffer(new byte[] {0, 0, 0x03, (byte) 0xe9}, 0, 4); // 1001
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> channel.writeInbound(header.retain()));
    assertEquals(Kind.SIZE_LIMIT, e.kind());
    assertEquals("frame length 1001 exceeds limit 1000", e.getMessage());
    assertEquals(1, header.refCnt());
    header.release();
    // The stream has lost its framing: everything after is discarded, even a valid frame.
    byte[] stream = stream();
    channel.writeInbound(buffer(stream, 0, stream.length));
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
  }

  @Test
  void negativeLengthIsRejected() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> channel.writeInbound(buffer(new byte[] {(byte) 0x80, 0, 0, 0, 1, 2}, 0, 6)));
    assertEquals(Kind.NEGATIVE_SIZE, e.kind());
    assertEquals("frame length -2147483648 is negative", e.getMessage());
    assertNull(channel.readInbound());
    assertFalse(channel.finish());
  }

  @Test
  void rejectsANonPositiveMaximum() {
    assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(0));
  }

  @Test
  void framesWriteTheirLength() {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try {
      out.writeByte(0x55); // whatever precedes the frame stays
      int frame = Frames.begin(out);
      out.writeBytes(new byte[] {1, 2, 3});
      assertEquals(3, Frames.end(out, frame, MAX));
      assertEquals(
          "55 00 00 00 03 01 02 03", ByteBufUtil.hexDump(out).replaceAll("(..)(?!$)", "$1 "));
    } finally {
      out.release();
    }
  }

  @Test
  void anOversizeFrameIsRejectedAndUndone() {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try {
      out.writeByte(0x55);
      int frame = Frames.begin(out);
      out.writeBytes(new byte[MAX + 1]);
      ProtocolException e =
          assertThrows(ProtocolException.class, () -> Frames.end(out, frame, MAX));
      assertEquals(Kind.SIZE_LIMIT, e.kind());
      assertEquals("frame length 1001 exceeds limit 1000", e.getMessage());
      assertEquals(1, out.writerIndex());
    } finally {
      out.release();
    }
  }

  private static ByteBuf buffer(byte[] bytes, int offset, int length) {
    return ByteBufAllocator.DEFAULT.buffer(length).writeBytes(bytes, offset, length);
  }
}

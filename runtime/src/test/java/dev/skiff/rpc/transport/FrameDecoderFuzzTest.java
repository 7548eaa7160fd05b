package dev.skiff.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes {@link FrameDecoder} with an arbitrary byte stream cut into arbitrary chunks.
 *
 * <p>An input is a maximum frame size selector, a chunking seed, and the stream. The decoder must
 * emit exactly the frames a plain reading of the stream finds, then at most the one {@link
 * ProtocolException} the first bad length calls for, and nothing else; every buffer, the decoder's
 * cumulation included, must be released once the channel is finished. Buffers come from a dedicated
 * allocator whose usage is checked after every input.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the saved inputs in {@code
 * FrameDecoderFuzzTestInputs/}; docs/reliability.md says how to fuzz.
 */
class FrameDecoderFuzzTest {
  /** Counts what it allocates; leak detection is off because the count is the stricter check. */
  private static final UnpooledByteBufAllocator ALLOCATOR =
      new UnpooledByteBufAllocator(false, true);

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @FuzzTest(maxDuration = "3m")
  void decodeChunkedStream(byte[] input) {
    if (input.length < 2) {
      return;
    }
    // 1..255 keeps oversize lengths common; 0 stands for the largest possible limit.
    int maxFrameSize = input[0] == 0 ? Integer.MAX_VALUE : input[0] & 0xff;
    Random chunking = new Random(input[1]);
    byte[] stream = Arrays.copyOfRange(input, 2, input.length);

    Recorder recorder = new Recorder();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(ALLOCATOR);
    channel.pipeline().addLast(new FrameDecoder(maxFrameSize), recorder);
    for (int at = 0; at < stream.length; ) {
      // Empty chunks too: a read that delivers nothing must change nothing.
      int length = Math.min(stream.length - at, chunking.nextInt(24));
      ByteBuf chunk = ALLOCATOR.heapBuffer(length).writeBytes(stream, at, length);
      channel.writeInbound(chunk);
      at += length;
    }
    assertFalse(channel.finish(), "nothing reaches the end of the pipeline");

    Expected expected = Expected.of(stream, maxFrameSize);
    assertEquals(expected.frames(), recorder.frames, "frames");
    assertEquals(expected.errors(), recorder.errors, "errors");
    assertEquals(
        0, ALLOCATOR.metric().usedHeapMemory(), "bytes still held after the channel finished");
  }

  /** What a plain reading of the stream finds, as hex, to compare and print. */
  private record Expected(List<String> frames, List<String> errors) {
    static Expected of(byte[] stream, int maxFrameSize) {
      List<String> frames = new ArrayList<>();
      ByteBuffer in = ByteBuffer.wrap(stream);
      while (in.remaining() >= FrameDecoder.LENGTH_SIZE) {
        int length = in.getInt(in.position());
        if (length < 0) {
          return new Expected(
              frames, List.of("NEGATIVE_SIZE: frame length " + length + " is negative"));
        }
        if (length > maxFrameSize) {
          return new Expected(
              frames,
              List.of("SIZE_LIMIT: frame length " + length + " exceeds limit " + maxFrameSize));
        }
        if (in.remaining() - FrameDecoder.LENGTH_SIZE < length) {
          break;
        }
        in.position(in.position() + FrameDecoder.LENGTH_SIZE);
        byte[] frame = new byte[length];
        in.get(frame);
        frames.add(HexFormat.of().formatHex(frame));
      }
      return new Expected(frames, List.of());
    }
  }

  /** Takes what the decoder emits: frames (released at once) and exceptions. */
  private static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<String> frames = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf frame = (ByteBuf) msg;
      try {
        frames.add(ByteBufUtil.hexDump(frame));
      } finally {
        frame.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // Recorded, not thrown: the pipeline would only log an exception thrown from here.
      errors.add(
          cause instanceof ProtocolException e
              ? e.kind() + ": " + e.getMessage()
              : "unexpected " + cause);
    }
  }
}

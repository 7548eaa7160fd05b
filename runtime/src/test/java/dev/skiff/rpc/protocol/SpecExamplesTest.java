package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skiff.rpc.testing.NettyLeaks;
import dev.skiff.rpc.transport.FrameDecoder;
import dev.skiff.rpc.transport.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worked example of specs/thrift-wire.md, a framed {@code testString("Test")} call with
 * sequence id 1, in both protocols: Skiff's bytes equal the spec's and libthrift's framed
 * transport's, and Skiff decodes them back through {@link FrameDecoder}.
 */
class SpecExamplesTest {
  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  private static String specHex(Protocol protocol) {
    return protocol == Protocol.BINARY
        ? "00 00 00 22 80 01 00 01 00 00 00 0a"
            + hex("testString")
            + "00 00 00 01 0b 00 01 00 00 00 04"
            + hex("Test")
            + "00"
        : "00 00 00 15 82 21 01 0a" + hex("testString") + "18 04" + hex("Test") + "00";
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void framedTestStringCall(Protocol protocol) throws TException {
    byte[] expected = Wire.unhex(specHex(protocol));
    assertArrayEquals(expected, libthriftFramed(protocol), "libthrift disagrees with the spec");

    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    int frame = Frames.begin(out);
    ProtocolWriter w = protocol.newWriter(out);
    w.writeMessageBegin(new MessageHeader("testString", MessageType.CALL, 1));
    w.writeStructBegin("testString_args");
    w.writeFieldBegin("thing", TType.STRING, (short) 1);
    w.writeString("Test");
    w.writeFieldEnd();
    w.writeFieldStop();
    w.writeStructEnd();
    w.writeMessageEnd();
    Frames.end(out, frame, ProtocolConfig.defaults().maxFrameSize());
    assertEquals(Wire.hex(expected), Wire.hex(ByteBufUtil.getBytes(out)));

    EmbeddedChannel channel =
        new EmbeddedChannel(new FrameDecoder(ProtocolConfig.defaults().maxFrameSize()));
    channel.writeInbound(out);
    ByteBuf message = channel.readInbound();
    try {
      assertEquals(protocol, Protocol.detect(message.getByte(message.readerIndex())));
      ProtocolReader r = protocol.newReader(message);
      assertEquals(new MessageHeader("testString", MessageType.CALL, 1), r.readMessageBegin());
      r.readStructBegin();
      assertEquals(TType.STRING, r.readFieldBegin());
      assertEquals(1, r.fieldId());
      assertEquals("Test", r.readString());
      r.readFieldEnd();
      assertEquals(TType.STOP, r.readFieldBegin());
      r.readStructEnd();
      r.readMessageEnd();
      assertEquals(0, message.readableBytes());
    } finally {
      message.release();
    }
    assertNull(channel.readInbound());
  }

  private static byte[] libthriftFramed(Protocol protocol) throws TException {
    TMemoryBuffer memory = new TMemoryBuffer(64);
    TFramedTransport framed = new TFramedTransport(memory);
    TProtocol p =
        protocol == Protocol.COMPACT ? new TCompactProtocol(framed) : new TBinaryProtocol(framed);
    p.writeMessageBegin(new TMessage("testString", TMessageType.CALL, 1));
    p.writeStructBegin(new TStruct("testString_args"));
    p.writeFieldBegin(new TField("thing", TType.STRING, (short) 1));
    p.writeString("Test");
    p.writeFieldEnd();
    p.writeFieldStop();
    p.writeStructEnd();
    p.writeMessageEnd();
    framed.flush();
    return Arrays.copyOf(memory.getArray(), memory.length());
  }

  private static String hex(String ascii) {
    return " " + Wire.hex(ascii.getBytes(StandardCharsets.US_ASCII)) + " ";
  }
}

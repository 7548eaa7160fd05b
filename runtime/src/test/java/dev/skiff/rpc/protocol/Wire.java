package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.rpc.protocol.WireOp.MessageBegin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;

/** Runs {@link WireOp} scripts through Skiff and through Apache Thrift's Java library. */
final class Wire {
  private Wire() {}

  /** The bytes Skiff writes for {@code ops}. */
  static byte[] skiff(Protocol protocol, List<WireOp> ops) {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try {
      ProtocolWriter writer = protocol.newWriter(out);
      for (WireOp op : ops) {
        op.write(writer);
      }
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }

  /** The bytes libthrift writes for {@code ops}. */
  static byte[] libthrift(Protocol protocol, List<WireOp> ops) {
    try {
      TMemoryBuffer transport = new TMemoryBuffer(64);
      TProtocol p =
          protocol == Protocol.COMPACT
              ? new TCompactProtocol(transport)
              : new TBinaryProtocol(transport);
      for (WireOp op : ops) {
        op.write(p);
      }
      return Arrays.copyOf(transport.getArray(), transport.length());
    } catch (TException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Checks everything a script can show: Skiff writes libthrift's bytes, Skiff reads them back as
   * written from heap and direct buffers, and skipping the whole value consumes exactly them.
   */
  static void assertMatchesLibthrift(Protocol protocol, List<WireOp> ops) {
    byte[] expected = libthrift(protocol, ops);
    byte[] actual = skiff(protocol, ops);
    if (!Arrays.equals(expected, actual)) {
      fail(
          protocol
              + " bytes differ from libthrift's\n  libthrift: "
              + hex(expected)
              + "\n  skiff:     "
              + hex(actual));
    }
    assertReadsBack(protocol, expected, ops);
    assertSkipConsumesAll(protocol, expected, ops);
  }

  /** Reads {@code bytes} with Skiff, checking each value against {@code ops}. */
  static void assertReadsBack(Protocol protocol, byte[] bytes, List<WireOp> ops) {
    withBuffers(
        bytes,
        in -> {
          ProtocolReader reader = protocol.newReader(in);
          for (WireOp op : ops) {
            op.read(reader, protocol);
          }
          assertEquals(0, in.readableBytes(), "bytes left after reading");
        });
  }

  /** For a script that is one message or one struct, skipping it must consume every byte. */
  static void assertSkipConsumesAll(Protocol protocol, byte[] bytes, List<WireOp> ops) {
    boolean message = ops.get(0) instanceof MessageBegin;
    if (!message && !(ops.get(0) instanceof WireOp.StructBegin)) {
      return;
    }
    withBuffers(
        bytes,
        in -> {
          ProtocolReader reader = protocol.newReader(in);
          if (message) {
            reader.readMessageBegin();
          }
          reader.skip(TType.STRUCT);
          if (message) {
            reader.readMessageEnd();
          }
          assertEquals(0, in.readableBytes(), "bytes left after skipping");
        });
  }

  /** Runs {@code body} over {@code bytes} in a heap buffer and in a pooled direct buffer. */
  static void withBuffers(byte[] bytes, Consumer<ByteBuf> body) {
    for (ByteBuf in : List.of(Unpooled.wrappedBuffer(bytes), direct(bytes))) {
      try {
        body.accept(in);
      } finally {
        in.release();
      }
    }
  }

  static ByteBuf direct(byte[] bytes) {
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(Math.max(bytes.length, 1));
    return buf.writeBytes(bytes);
  }

  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }
}

package dev.skiff.interop;

import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.StructReader;
import dev.skiff.rpc.protocol.ThriftStruct;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Encodes and decodes one value with Skiff's protocols (over pooled Netty buffers, always released)
 * and with libthrift's (over its memory transports), so that tests compare the bytes.
 */
public final class Codecs {
  private Codecs() {}

  /** The bytes Skiff writes for {@code value}. */
  public static byte[] skiffWrite(Protocol protocol, ThriftStruct value) {
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
    try {
      value.write(protocol.newWriter(out));
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }

  /** Skiff's reading of {@code bytes}, which must all be consumed. */
  public static <T> T skiffRead(Protocol protocol, byte[] bytes, StructReader<T> reader) {
    ByteBuf in = ByteBufAllocator.DEFAULT.buffer(bytes.length);
    try {
      in.writeBytes(bytes);
      T value = reader.read(protocol.newReader(in));
      if (in.isReadable()) {
        throw new AssertionError(
            in.readableBytes() + " bytes left after Skiff read " + value + " from " + hex(bytes));
      }
      return value;
    } finally {
      in.release();
    }
  }

  /** The bytes libthrift writes for {@code value}. */
  public static byte[] libthriftWrite(Protocol protocol, TBase<?, ?> value) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(256);
      value.write(libthriftProtocol(protocol, buffer));
      return Arrays.copyOf(buffer.getArray(), buffer.length());
    } catch (TException e) {
      throw new AssertionError("libthrift could not write " + value, e);
    }
  }

  /** libthrift's reading of {@code bytes}. */
  public static <T extends TBase<?, ?>> T libthriftRead(
      Protocol protocol, byte[] bytes, Supplier<T> empty) {
    T value = empty.get();
    try {
      TMemoryInputTransport in = new TMemoryInputTransport(new TConfiguration(), bytes);
      value.read(libthriftProtocol(protocol, in));
      if (in.getBytesRemainingInBuffer() != 0) {
        throw new AssertionError("libthrift left bytes unread in " + hex(bytes));
      }
      return value;
    } catch (TException e) {
      throw new AssertionError("libthrift could not read " + hex(bytes), e);
    }
  }

  public static TProtocol libthriftProtocol(
      Protocol protocol, org.apache.thrift.transport.TTransport transport) {
    return switch (protocol) {
      case COMPACT -> new TCompactProtocol(transport);
      case BINARY -> new TBinaryProtocol(transport);
    };
  }

  public static org.apache.thrift.protocol.TProtocolFactory libthriftFactory(Protocol protocol) {
    return switch (protocol) {
      case COMPACT -> new TCompactProtocol.Factory();
      case BINARY -> new TBinaryProtocol.Factory();
    };
  }

  public static String hex(byte[] bytes) {
    return bytes.length > 256
        ? HexFormat.ofDelimiter(" ").formatHex(bytes, 0, 256) + " … (" + bytes.length + " bytes)"
        : HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}

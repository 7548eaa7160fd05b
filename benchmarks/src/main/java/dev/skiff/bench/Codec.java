package dev.skiff.bench;

import dev.skiff.bench.gen.Item;
import dev.skiff.bench.gen.Order;
import dev.skiff.bench.gen.Status;
import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TByteBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * One codec and protocol for {@link CodecBenchmark}: the sample order, encoded into a reused buffer
 * and decoded from its bytes, as each library does it on its own hot path. Skiff encodes into and
 * decodes from a pooled direct buffer, as its transports hand them over; libthrift into a heap
 * {@code TByteBuffer} and from a {@code TMemoryInputTransport}, its in-memory transports.
 */
abstract class Codec implements AutoCloseable {
  abstract int encode() throws Exception;

  abstract Object decode() throws Exception;

  /** The encoded sample. */
  abstract byte[] bytes() throws Exception;

  /** Gives back what the codec holds (Skiff's: its pooled buffers). */
  @Override
  public void close() {}

  static Codec of(String codec, String protocol) throws Exception {
    boolean compact =
        switch (protocol) {
          case "compact" -> true;
          case "binary" -> false;
          default -> throw new IllegalArgumentException("unknown protocol " + protocol);
        };
    Codec impl =
        switch (codec) {
          case "skiff" -> new SkiffCodec(compact ? Protocol.COMPACT : Protocol.BINARY);
          case "libthrift" -> new LibthriftCodec(compact);
          default -> throw new IllegalArgumentException("unknown codec " + codec);
        };
    try {
      impl.setUp(compact);
    } catch (Exception | Error e) {
      impl.close();
      throw e;
    }
    return impl;
  }

  /** Checks that this codec writes what libthrift's serializer writes, and reads it back. */
  private void setUp(boolean compact) throws Exception {
    byte[] reference =
        new TSerializer(compact ? new TCompactProtocol.Factory() : new TBinaryProtocol.Factory())
            .serialize(LibthriftCodec.sample());
    if (!Arrays.equals(bytes(), reference)) {
      throw new IllegalStateException(getClass().getSimpleName() + " writes other bytes");
    }
    decode();
  }

  private static final class SkiffCodec extends Codec {
    private final Protocol protocol;
    private final ProtocolConfig config = ProtocolConfig.defaults();
    private final Order order = sample();
    private final ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
    private final ByteBuf in;

    SkiffCodec(Protocol protocol) {
      this.protocol = protocol;
      encode();
      in = PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeBytes(out, 0, out.writerIndex());
    }

    @Override
    int encode() {
      out.clear();
      order.write(protocol.newWriter(out));
      return out.writerIndex();
    }

    @Override
    Object decode() {
      in.readerIndex(0);
      return Order.read(protocol.newReader(in, config));
    }

    @Override
    byte[] bytes() {
      encode();
      return ByteBufUtil.getBytes(out);
    }

    @Override
    public void close() {
      out.release();
      in.release();
    }

    static Order sample() {
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        items.add(new Item(100_000L + i * 7919L, "item number " + i, i + 1, 9.99 + i));
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        attributes.put("key-" + i, "value of attribute " + i);
      }
      return Order.builder()
          .id(1_234_567_890_123L)
          .version(7)
          .priority((short) 3)
          .flags((byte) 0x21)
          .gift(true)
          .total(159.85)
          .customer("Ada Lovelace")
          .email("ada@example.com")
          .signature(Bytes.of(signature()))
          .status(Status.PAID)
          .note("leave at the door")
          .createdAtMillis(1_700_000_000_000L)
          .items(items)
          .attributes(attributes)
          .build();
    }
  }

  private static final class LibthriftCodec extends Codec {
    private final dev.skiff.bench.libthrift.Order order = sample();
    private final TByteBuffer out = new TByteBuffer(ByteBuffer.allocate(4096));
    private final TProtocol writer;
    private final TMemoryInputTransport in = new TMemoryInputTransport();
    private final TProtocol reader;
    private final byte[] encoded;

    LibthriftCodec(boolean compact) throws Exception {
      writer = compact ? new TCompactProtocol(out) : new TBinaryProtocol(out);
      reader = compact ? new TCompactProtocol(in) : new TBinaryProtocol(in);
      encoded = bytes();
    }

    @Override
    int encode() throws Exception {
      out.clear();
      order.write(writer);
      return out.getByteBuffer().position();
    }

    @Override
    Object decode() throws Exception {
      in.reset(encoded);
      dev.skiff.bench.libthrift.Order decoded = new dev.skiff.bench.libthrift.Order();
      decoded.read(reader);
      reader.reset();
      return decoded;
    }

    @Override
    byte[] bytes() throws Exception {
      int length = encode();
      return Arrays.copyOf(out.getByteBuffer().array(), length);
    }

    static dev.skiff.bench.libthrift.Order sample() {
      List<dev.skiff.bench.libthrift.Item> items = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        items.add(
            new dev.skiff.bench.libthrift.Item(
                100_000L + i * 7919L, "item number " + i, i + 1, 9.99 + i));
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        attributes.put("key-" + i, "value of attribute " + i);
      }
      dev.skiff.bench.libthrift.Order order =
          new dev.skiff.bench.libthrift.Order(
              1_234_567_890_123L,
              7,
              (short) 3,
              (byte) 0x21,
              true,
              159.85,
              "Ada Lovelace",
              "ada@example.com",
              ByteBuffer.wrap(signature()),
              dev.skiff.bench.libthrift.Status.PAID,
              1_700_000_000_000L,
              items,
              attributes);
      order.setNote("leave at the door");
      return order;
    }
  }

  private static byte[] signature() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    return bytes;
  }
}

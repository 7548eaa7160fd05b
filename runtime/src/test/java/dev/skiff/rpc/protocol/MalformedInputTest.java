package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.protocol.ProtocolException.Kind;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile and broken input: every failure is a {@link ProtocolException} of the right kind, raised
 * before anything large is allocated, never an {@link IndexOutOfBoundsException}, an {@link
 * OutOfMemoryError} or a {@link StackOverflowError}.
 */
class MalformedInputTest {
  private static final int NESTING = 10_000;

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  // ---------------------------------------------------------------------------------------------
  // Truncation

  static List<WireOp> richMessage() {
    return Script.of(
        s ->
            s.message(
                "Service:method",
                MessageType.CALL,
                300,
                f ->
                    f.boolField(1, true)
                        .field(TType.BYTE, 2, v -> v.i8(-3))
                        .field(TType.I16, 3, v -> v.i16(-300))
                        .i32Field(20, 70_000)
                        .field(TType.I64, 21, v -> v.i64(Long.MIN_VALUE))
                        .field(TType.DOUBLE, 22, v -> v.dbl(-2.5))
                        .stringField(23, "héllo 😀")
                        .field(TType.STRING, 24, v -> v.bin(new byte[] {1, 2, 3}))
                        .field(TType.UUID, 25, v -> v.uuid(new UUID(7, -7)))
                        .field(
                            TType.STRUCT,
                            -4,
                            v -> v.struct(n -> n.boolField(1, false).i32Field(100, 1)))
                        .field(
                            TType.LIST,
                            26,
                            v ->
                                v.list(
                                    TType.I32,
                                    16,
                                    l -> {
                                      for (int i = 0; i < 16; i++) {
                                        l.i32(i);
                                      }
                                    }))
                        .field(TType.SET, 27, v -> v.set(TType.STRING, 2, l -> l.str("a").str("")))
                        .field(
                            TType.MAP,
                            28,
                            v ->
                                v.map(
                                    TType.I64,
                                    TType.LIST,
                                    1,
                                    m ->
                                        m.i64(5)
                                            .list(TType.BOOL, 2, l -> l.bool(true).bool(false))))
                        .field(TType.MAP, 29, v -> v.map(TType.I32, TType.I32, 0, m -> {}))));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void everyPrefixOfAMessageFailsAsTruncated(Protocol protocol) {
    List<WireOp> ops = richMessage();
    byte[] message = Wire.skiff(protocol, ops);
    Wire.assertReadsBack(protocol, message, ops);
    for (int length = 0; length < message.length; length++) {
      byte[] prefix = Arrays.copyOf(message, length);
      String where = protocol + " prefix of " + length + " of " + message.length + " bytes";
      Wire.withBuffers(
          prefix,
          in -> {
            ProtocolReader reader = protocol.newReader(in);
            ProtocolException e =
                assertThrows(
                    ProtocolException.class,
                    () -> {
                      reader.readMessageBegin();
                      reader.skip(TType.STRUCT);
                    },
                    where);
            assertTrue(
                Set.of(Kind.TRUNCATED, Kind.SIZE_LIMIT).contains(e.kind()), where + ": " + e);
          });
      Wire.withBuffers(
          prefix,
          in -> {
            ProtocolReader reader = protocol.newReader(in);
            assertThrows(
                ProtocolException.class,
                () -> {
                  for (WireOp op : ops) {
                    op.read(reader, protocol);
                  }
                },
                where);
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void truncatedFixedWidthValues(Protocol protocol) {
    expect(
        protocol,
        bytes(0, 0, 0),
        ProtocolReader::readUuid,
        Kind.TRUNCATED,
        "message truncated: uuid needs 16 bytes but 3 remain");
    expect(
        protocol,
        bytes(1, 2),
        ProtocolReader::readDouble,
        Kind.TRUNCATED,
        "message truncated: double needs 8 bytes but 2 remain");
    expect(
        protocol,
        bytes(),
        ProtocolReader::readByte,
        Kind.TRUNCATED,
        "message truncated: byte needs 1 byte but 0 remain");
    expect(protocol, bytes(), ProtocolReader::readBool, Kind.TRUNCATED, null);
    expect(protocol, bytes(), ProtocolReader::readI64, Kind.TRUNCATED, null);
    expect(protocol, bytes(), ProtocolReader::readFieldBegin, Kind.TRUNCATED, null);
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile lengths and sizes

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void hostileStringAndBinaryLengths(Protocol protocol) {
    byte[] max = length(protocol, Integer.MAX_VALUE);
    expect(
        protocol,
        max,
        ProtocolReader::readString,
        Kind.SIZE_LIMIT,
        "string length 2147483647 exceeds limit 16384000");
    expect(
        protocol,
        max,
        ProtocolReader::readBinary,
        Kind.SIZE_LIMIT,
        "binary length 2147483647 exceeds limit 16384000");
    expect(protocol, max, r -> r.skip(TType.STRING), Kind.SIZE_LIMIT, null);
    byte[] negative = length(protocol, -1);
    expect(
        protocol,
        negative,
        ProtocolReader::readString,
        Kind.NEGATIVE_SIZE,
        "string length -1 is negative");
    expect(
        protocol,
        negative,
        ProtocolReader::readBinary,
        Kind.NEGATIVE_SIZE,
        "binary length -1 is negative");
    expect(protocol, negative, r -> r.skip(TType.STRING), Kind.NEGATIVE_SIZE, null);
    byte[] tooLong = concat(length(protocol, 10), bytes('a', 'b'));
    expect(
        protocol,
        tooLong,
        ProtocolReader::readString,
        Kind.SIZE_LIMIT,
        "string length 10 exceeds the 2 bytes remaining");
    expect(
        protocol,
        tooLong,
        ProtocolReader::readBinary,
        Kind.SIZE_LIMIT,
        "binary length 10 exceeds the 2 bytes remaining");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void hostileContainerSizes(Protocol protocol) {
    for (String kind : List.of("list", "set")) {
      Consumer<ProtocolReader> begin =
          kind.equals("list") ? ProtocolReader::readListBegin : ProtocolReader::readSetBegin;
      byte type = kind.equals("list") ? TType.LIST : TType.SET;
      expect(
          protocol,
          collection(protocol, type, TType.I32, Integer.MAX_VALUE),
          begin,
          Kind.SIZE_LIMIT,
          kind + " size 2147483647 exceeds limit 10000000");
      expect(
          protocol,
          collection(protocol, type, TType.I32, -1),
          begin,
          Kind.NEGATIVE_SIZE,
          kind + " size -1 is negative");
      expect(
          protocol,
          collection(protocol, type, TType.I32, Integer.MIN_VALUE),
          r -> r.skip(type),
          Kind.NEGATIVE_SIZE,
          null);
      byte[] twelveLeft = concat(collection(protocol, type, TType.BYTE, 1_000_000), new byte[12]);
      expect(
          protocol,
          twelveLeft,
          begin,
          Kind.SIZE_LIMIT,
          kind + " size 1000000 exceeds the 12 bytes remaining");
      expect(protocol, twelveLeft, r -> r.skip(type), Kind.SIZE_LIMIT, null);
      // Fits by count of bytes, not by the size of an element: 2 uuids need 32 bytes.
      expect(
          protocol,
          concat(collection(protocol, type, TType.UUID, 2), new byte[31]),
          begin,
          Kind.SIZE_LIMIT,
          kind + " size 2 exceeds the 31 bytes remaining (each element takes at least 16 bytes)");
    }
    expect(
        protocol,
        map(protocol, TType.I32, TType.I32, Integer.MAX_VALUE),
        ProtocolReader::readMapBegin,
        Kind.SIZE_LIMIT,
        "map size 2147483647 exceeds limit 10000000");
    expect(
        protocol,
        map(protocol, TType.I32, TType.I32, -5),
        ProtocolReader::readMapBegin,
        Kind.NEGATIVE_SIZE,
        "map size -5 is negative");
    expect(
        protocol,
        concat(map(protocol, TType.BYTE, TType.BYTE, 7), new byte[13]),
        ProtocolReader::readMapBegin,
        Kind.SIZE_LIMIT,
        "map size 7 exceeds the 13 bytes remaining (each element takes at least 2 bytes)");
    expect(
        protocol,
        concat(map(protocol, TType.BYTE, TType.BYTE, 7), new byte[13]),
        r -> r.skip(TType.MAP),
        Kind.SIZE_LIMIT,
        null);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void configuredLimitsApply(Protocol protocol) {
    ProtocolConfig config = ProtocolConfig.builder().maxStringLength(5).maxContainerSize(3).build();
    byte[] string = Wire.skiff(protocol, Script.of(s -> s.str("sixsix")));
    expect(
        protocol,
        config,
        string,
        ProtocolReader::readString,
        Kind.SIZE_LIMIT,
        "string length 6 exceeds limit 5");
    byte[] list =
        Wire.skiff(protocol, Script.of(s -> s.list(TType.BYTE, 4, l -> l.i8(1).i8(2).i8(3).i8(4))));
    expect(
        protocol,
        config,
        list,
        ProtocolReader::readListBegin,
        Kind.SIZE_LIMIT,
        "list size 4 exceeds limit 3");
    byte[] fits = Wire.skiff(protocol, Script.of(s -> s.str("five5")));
    Wire.withBuffers(
        fits, in -> assertEquals("five5", protocol.newReader(in, config).readString()));
  }

  // ---------------------------------------------------------------------------------------------
  // Unknown types

  @Test
  void unknownCompactTypes() {
    Protocol c = Protocol.COMPACT;
    Consumer<ProtocolReader> fieldsOfStruct =
        r -> {
          r.readStructBegin();
          while (r.readFieldBegin() != TType.STOP) {
            r.readI32();
          }
        };
    // field 1: i32 0, then a delta of 2 with type nibble 14
    expect(
        c,
        bytes(0x15, 0x00, 0x2e),
        fieldsOfStruct,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 14 at field 3");
    expect(
        c,
        bytes(0x1f),
        ProtocolReader::readFieldBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 15 at field 1");
    expect(
        c,
        bytes(0x10),
        ProtocolReader::readFieldBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 0 at field 1");
    // long form: type nibble 14, then zigzag id 300
    expect(
        c,
        bytes(0x0e, 0xd8, 0x04),
        ProtocolReader::readFieldBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 14 at field 300");
    expect(
        c,
        bytes(0x1e, 0),
        ProtocolReader::readListBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 14 for list elements");
    expect(
        c,
        bytes(0x1e, 0),
        ProtocolReader::readSetBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 14 for set elements");
    expect(
        c,
        bytes(0x01, 0xe5, 0, 0),
        ProtocolReader::readMapBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 14 for map keys");
    expect(
        c,
        bytes(0x01, 0x5f, 0, 0),
        ProtocolReader::readMapBegin,
        Kind.UNKNOWN_TYPE,
        "unknown compact type id 15 for map values");
    // An empty container's element type is never used, so it is not checked.
    Wire.withBuffers(
        bytes(0x0e),
        in -> assertEquals(new ListHeader(TType.STOP, 0), c.newReader(in).readListBegin()));
  }

  @Test
  void unknownBinaryTypes() {
    Protocol b = Protocol.BINARY;
    for (int type : new int[] {1, 5, 7, 9, 17, 0x7f, 0xff}) {
      expect(
          b,
          bytes(type, 0, 3),
          ProtocolReader::readFieldBegin,
          Kind.UNKNOWN_TYPE,
          "unknown type id " + (byte) type + " at field 3");
      expect(
          b,
          bytes(type, 0, 0, 0, 1, 0),
          ProtocolReader::readListBegin,
          Kind.UNKNOWN_TYPE,
          "unknown type id " + (byte) type + " for list elements");
      expect(
          b,
          bytes(TType.I32, type, 0, 0, 0, 1, 0, 0, 0, 0, 0),
          ProtocolReader::readMapBegin,
          Kind.UNKNOWN_TYPE,
          "unknown type id " + (byte) type + " for map values");
    }
    Wire.withBuffers(
        bytes(7, 0, 0, 0, 0),
        in -> assertEquals(new ListHeader((byte) 7, 0), b.newReader(in).readSetBegin()));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void skipRejectsUnknownTypes(Protocol protocol) {
    for (byte type : new byte[] {TType.STOP, TType.VOID, 5, 7, 9, 17, -1}) {
      expect(
          protocol,
          new byte[8],
          r -> r.skip(type),
          Kind.UNKNOWN_TYPE,
          "cannot skip a value of unknown type id " + type);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Nesting

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deepListsHitTheDepthLimitNotTheStack(Protocol protocol) {
    byte[] deep = nestedLists(protocol, NESTING);
    expect(
        protocol,
        deep,
        r -> r.skip(TType.LIST),
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    expect(
        protocol,
        deep,
        r -> {
          while (true) {
            r.readListBegin();
          }
        },
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    // 64 levels are fine.
    Wire.withBuffers(
        nestedLists(protocol, 64),
        in -> {
          protocol.newReader(in).skip(TType.LIST);
          assertEquals(0, in.readableBytes());
        });
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deepStructsHitTheDepthLimitNotTheStack(Protocol protocol) {
    byte[] deep = nestedStructs(protocol, NESTING);
    expect(
        protocol,
        deep,
        r -> r.skip(TType.STRUCT),
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    expect(
        protocol,
        deep,
        r -> {
          while (true) {
            r.readStructBegin();
            assertEquals(TType.STRUCT, r.readFieldBegin());
          }
        },
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    ProtocolConfig shallow = ProtocolConfig.builder().maxDepth(3).build();
    expect(
        protocol,
        shallow,
        deep,
        r -> r.skip(TType.STRUCT),
        Kind.DEPTH_LIMIT,
        "nesting depth 4 exceeds limit 3");
    Wire.withBuffers(
        nestedStructs(protocol, 64),
        in -> {
          protocol.newReader(in).skip(TType.STRUCT);
          assertEquals(0, in.readableBytes());
        });
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deepMapsAndMixedNestingHitTheDepthLimit(Protocol protocol) {
    expect(
        protocol,
        nestedMaps(protocol, NESTING),
        r -> r.skip(TType.MAP),
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    // A struct holding a list of structs holding ... counts every level.
    List<WireOp> mixed = Script.of(s -> mixed(s, 40));
    byte[] bytes = Wire.skiff(protocol, mixed);
    expect(
        protocol,
        bytes,
        r -> r.skip(TType.STRUCT),
        Kind.DEPTH_LIMIT,
        "nesting depth 65 exceeds limit 64");
    Wire.withBuffers(
        bytes,
        in ->
            protocol
                .newReader(in, ProtocolConfig.builder().maxDepth(80).build())
                .skip(TType.STRUCT));
  }

  private static void mixed(Script s, int levels) {
    s.struct(
        f -> {
          if (levels > 1) {
            f.field(TType.LIST, 1, l -> l.list(TType.STRUCT, 1, e -> mixed(e, levels - 1)));
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Varints, versions, message types

  @Test
  void overlongVarints() {
    Protocol c = Protocol.COMPACT;
    expect(
        c,
        bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
        ProtocolReader::readI32,
        Kind.INVALID_DATA,
        "varint32 is longer than 5 bytes");
    expect(
        c,
        bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00),
        ProtocolReader::readI16,
        Kind.INVALID_DATA,
        "varint32 is longer than 5 bytes");
    byte[] eleven = new byte[11];
    Arrays.fill(eleven, (byte) 0xff);
    expect(
        c, eleven, ProtocolReader::readI64, Kind.INVALID_DATA, "varint64 is longer than 10 bytes");
    expect(
        c,
        concat(bytes(0x05), eleven),
        ProtocolReader::readFieldBegin,
        Kind.INVALID_DATA,
        "varint32 is longer than 5 bytes");
    expect(
        c,
        concat(bytes(0xf5), eleven),
        ProtocolReader::readListBegin,
        Kind.INVALID_DATA,
        "varint32 is longer than 5 bytes");
    expect(c, eleven, ProtocolReader::readString, Kind.INVALID_DATA, null);
    expect(
        c,
        bytes(0x82, 0x21, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
        ProtocolReader::readMessageBegin,
        Kind.INVALID_DATA,
        null);
    // The longest valid forms read fine.
    Wire.withBuffers(
        concat(
            bytes(0xff, 0xff, 0xff, 0xff, 0x0f),
            bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
        in -> {
          ProtocolReader r = c.newReader(in);
          assertEquals(Integer.MIN_VALUE, r.readI32());
          assertEquals(Long.MIN_VALUE, r.readI64());
        });
    expect(
        c,
        bytes(0xff, 0xff),
        ProtocolReader::readI32,
        Kind.TRUNCATED,
        "message truncated: varint needs 3 bytes but 2 remain");
  }

  @Test
  void badVersionsAndMessageTypes() {
    Protocol b = Protocol.BINARY;
    Protocol c = Protocol.COMPACT;
    expect(
        b,
        bytes(0x80, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.BAD_VERSION,
        "bad binary protocol version 0x8002, expected 0x8001");
    expect(
        b, bytes(0xff, 0xff, 0xff, 0xff), ProtocolReader::readMessageBegin, Kind.BAD_VERSION, null);
    expect(
        b,
        bytes(0x80, 0x01, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.INVALID_DATA,
        "unknown message type 5");
    expect(
        b,
        bytes(0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.INVALID_DATA,
        "unknown message type 0");
    expect(
        c,
        bytes(0x83, 0x21, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.BAD_VERSION,
        "expected compact protocol id 0x82 but got 0x83");
    expect(c, bytes(0x80, 0x01, 0, 1), ProtocolReader::readMessageBegin, Kind.BAD_VERSION, null);
    expect(
        c,
        bytes(0x82, 0x22, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.BAD_VERSION,
        "expected compact protocol version 1 but got 2");
    expect(
        c,
        bytes(0x82, 0xa1, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.INVALID_DATA,
        "unknown message type 5");
    expect(
        c,
        bytes(0x82, 0x01, 0, 0),
        ProtocolReader::readMessageBegin,
        Kind.INVALID_DATA,
        "unknown message type 0");
  }

  @Test
  void oldNonStrictBinaryHeadersAreAccepted() throws TException {
    TMemoryBuffer transport = new TMemoryBuffer(64);
    TProtocol oldWriter = new TBinaryProtocol(transport, false, false);
    oldWriter.writeMessageBegin(new TMessage("ping", (byte) 4, 7));
    byte[] bytes = Arrays.copyOf(transport.getArray(), transport.length());
    assertEquals("00 00 00 04 70 69 6e 67 04 00 00 00 07", Wire.hex(bytes));
    assertEquals(Protocol.BINARY, Protocol.detect(bytes[0]));
    Wire.withBuffers(
        bytes,
        in ->
            assertEquals(
                new MessageHeader("ping", MessageType.ONEWAY, 7),
                Protocol.BINARY.newReader(in).readMessageBegin()));
    // Its name length is checked like any other.
    expect(
        Protocol.BINARY,
        bytes(0x7f, 0, 0, 0, 'a'),
        ProtocolReader::readMessageBegin,
        Kind.SIZE_LIMIT,
        "message name length 2130706432 exceeds limit 16384000");
  }

  // ---------------------------------------------------------------------------------------------
  // UTF-8

  private static final byte[][] MALFORMED_UTF8 = {
    bytes(0x80), // lone continuation byte
    bytes('a', 0xc0, 0xaf), // overlong '/'
    bytes(0xed, 0xa0, 0x80), // an encoded surrogate
    bytes(0xe2, 0x82), // cut short
    bytes(0xff, 'x'), // never valid
    bytes('o', 'k', 0xf0, 0x9f, 0x98), // an emoji missing its last byte
    bytes(0xf4, 0x90, 0x80, 0x80), // above U+10FFFF
  };

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void malformedUtf8IsRejectedWhenStrict(Protocol protocol) {
    for (byte[] malformed : MALFORMED_UTF8) {
      byte[] input = concat(length(protocol, malformed.length), malformed);
      expect(protocol, input, ProtocolReader::readString, Kind.INVALID_UTF8, null);
      // Binary values and skipped strings are not decoded.
      Wire.withBuffers(
          input, in -> assertEquals(malformed.length, protocol.newReader(in).readBinary().size()));
      Wire.withBuffers(input, in -> protocol.newReader(in).skip(TType.STRING));
    }
    expect(
        protocol,
        concat(length(protocol, 3), bytes('a', 0xc0, 0xaf)),
        ProtocolReader::readString,
        Kind.INVALID_UTF8,
        "malformed UTF-8 at byte 1 of a 3-byte string (0xc0)");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void malformedUtf8IsReplacedLikeLibthriftWhenLenient(Protocol protocol) throws TException {
    ProtocolConfig lenient = ProtocolConfig.builder().lenientUtf8(true).build();
    for (byte[] malformed : MALFORMED_UTF8) {
      byte[] input = concat(length(protocol, malformed.length), malformed);
      TMemoryInputTransport transport = new TMemoryInputTransport(input);
      TProtocol libthrift =
          protocol == Protocol.COMPACT
              ? new TCompactProtocol(transport)
              : new TBinaryProtocol(transport);
      String expected = libthrift.readString();
      assertTrue(expected.contains("\uFFFD"), expected);
      Wire.withBuffers(
          input, in -> assertEquals(expected, protocol.newReader(in, lenient).readString()));
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anEncodedReplacementCharacterIsValid(Protocol protocol) {
    byte[] input = Wire.skiff(protocol, Script.of(s -> s.str("a\uFFFDb")));
    Wire.withBuffers(input, in -> assertEquals("a\uFFFDb", protocol.newReader(in).readString()));
  }

  // ---------------------------------------------------------------------------------------------
  // Writers reject arguments that have no encoding

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void writersRejectInvalidTypesAndSizes(Protocol protocol) {
    ByteBuf out = Unpooled.buffer();
    try {
      ProtocolWriter w = protocol.newWriter(out);
      assertThrows(
          IllegalArgumentException.class, () -> w.writeFieldBegin("f", (byte) 7, (short) 1));
      assertThrows(
          IllegalArgumentException.class, () -> w.writeFieldBegin("f", TType.STOP, (short) 1));
      assertThrows(IllegalArgumentException.class, () -> w.writeListBegin(TType.VOID, 1));
      assertThrows(IllegalArgumentException.class, () -> w.writeSetBegin(TType.I32, -1));
      assertThrows(IllegalArgumentException.class, () -> w.writeMapBegin(TType.I32, (byte) 20, 1));
      assertThrows(IllegalArgumentException.class, () -> w.writeMapBegin(TType.I32, TType.I32, -1));
      assertEquals(0, out.readableBytes());
    } finally {
      out.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static void expect(
      Protocol protocol, byte[] input, Consumer<ProtocolReader> read, Kind kind, String message) {
    expect(protocol, ProtocolConfig.defaults(), input, read, kind, message);
  }

  private static void expect(
      Protocol protocol,
      ProtocolConfig config,
      byte[] input,
      Consumer<ProtocolReader> read,
      Kind kind,
      String message) {
    Wire.withBuffers(
        input,
        in -> {
          ProtocolReader reader = protocol.newReader(in, config);
          Executable call = () -> read.accept(reader);
          ProtocolException e =
              assertThrows(ProtocolException.class, call, protocol + " " + Wire.hex(head(input)));
          assertEquals(kind, e.kind(), e.getMessage());
          if (message != null) {
            assertEquals(message, e.getMessage());
          }
        });
  }

  private static byte[] head(byte[] input) {
    return Arrays.copyOf(input, Math.min(input.length, 16));
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A string or binary length prefix, raw: any int, even ones a writer refuses. */
  static byte[] length(Protocol protocol, int n) {
    return protocol == Protocol.COMPACT ? varint(n) : i32(n);
  }

  static byte[] collection(Protocol protocol, byte type, byte elementType, int size) {
    if (protocol == Protocol.BINARY) {
      return concat(bytes(elementType), i32(size));
    }
    int compact = compactType(elementType);
    return size >= 0 && size < 15
        ? bytes(size << 4 | compact)
        : concat(bytes(0xf0 | compact), varint(size));
  }

  static byte[] map(Protocol protocol, byte keyType, byte valueType, int size) {
    if (protocol == Protocol.BINARY) {
      return concat(bytes(keyType, valueType), i32(size));
    }
    return concat(varint(size), bytes(compactType(keyType) << 4 | compactType(valueType)));
  }

  /** {@code depth} lists, each holding the next; the innermost is empty. */
  static byte[] nestedLists(Protocol protocol, int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i < depth; i++) {
      out.writeBytes(collection(protocol, TType.LIST, TType.LIST, 1));
    }
    out.writeBytes(collection(protocol, TType.LIST, TType.LIST, 0));
    return out.toByteArray();
  }

  /** {@code depth} structs, each holding the next as field 1. */
  static byte[] nestedStructs(Protocol protocol, int depth) {
    byte[] header = protocol == Protocol.COMPACT ? bytes(0x1c) : bytes(TType.STRUCT, 0, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i < depth; i++) {
      out.writeBytes(header);
    }
    out.writeBytes(new byte[depth]); // a stop byte per struct
    return out.toByteArray();
  }

  /** {@code depth} maps from i32 to the next map. */
  static byte[] nestedMaps(Protocol protocol, int depth) {
    byte[] zeroKey = protocol == Protocol.COMPACT ? bytes(0) : i32(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i < depth; i++) {
      out.writeBytes(map(protocol, TType.I32, TType.MAP, 1));
      out.writeBytes(zeroKey);
    }
    out.writeBytes(map(protocol, TType.I32, TType.MAP, 0));
    return out.toByteArray();
  }

  private static int compactType(byte type) {
    switch (type) {
      case TType.BOOL:
        return 1;
      case TType.BYTE:
        return 3;
      case TType.I16:
        return 4;
      case TType.I32:
        return 5;
      case TType.I64:
        return 6;
      case TType.DOUBLE:
        return 7;
      case TType.STRING:
        return 8;
      case TType.LIST:
        return 9;
      case TType.SET:
        return 10;
      case TType.MAP:
        return 11;
      case TType.STRUCT:
        return 12;
      case TType.UUID:
        return 13;
      default:
        throw new IllegalArgumentException("type " + type);
    }
  }

  static byte[] varint(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((n & ~0x7f) != 0) {
      out.write((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.write(n);
    return out.toByteArray();
  }

  static byte[] i32(int n) {
    return bytes(n >>> 24, n >>> 16, n >>> 8, n);
  }
}

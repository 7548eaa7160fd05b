package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.rpc.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the compact and binary reader fuzz targets do with one input: read it as a message (a
 * header, then a struct) three ways and check that they agree.
 *
 * <ol>
 *   <li>Decode every value generically into a tree, with lenient UTF-8 and the deepest nesting a
 *       configuration allows. If that succeeds, {@link ProtocolReader#skip} must pass over exactly
 *       the same bytes, and the tree must survive a round trip through the writer: written, read
 *       back, and written again to the same bytes. If it fails, skipping must fail the same way.
 *   <li>With tight limits and strict UTF-8, from a direct buffer whose reader index is not 0: skip
 *       the struct, then decode it generically; either may only throw {@link ProtocolException}.
 * </ol>
 *
 * Any other exception, including an {@link OutOfMemoryError} or a {@link StackOverflowError}, is a
 * finding.
 */
final class ReaderFuzzing {
  /** Lenient, so that every string decodes and reading fails exactly where skipping does. */
  private static final ProtocolConfig DEEP =
      ProtocolConfig.builder().maxDepth(ProtocolConfig.MAX_DEPTH_CEILING).lenientUtf8(true).build();

  private static final ProtocolConfig TIGHT =
      ProtocolConfig.builder()
          .maxFrameSize(4096)
          .maxStringLength(40)
          .maxContainerSize(20)
          .maxDepth(6)
          .build();

  /** Junk before the message in the direct buffer, so absolute indexes would show. */
  private static final int OFFSET = 3;

  private ReaderFuzzing() {}

  static void readMessage(Protocol protocol, byte[] input) {
    readAndCompare(protocol, input);
    readWithTightLimits(protocol, input);
  }

  private static void readAndCompare(Protocol protocol, byte[] input) {
    ByteBuf in = Unpooled.wrappedBuffer(input);
    MessageHeader header;
    StructValue body;
    try {
      ProtocolReader reader = protocol.newReader(in, DEEP);
      header = reader.readMessageBegin();
      body = readStruct(reader);
      reader.readMessageEnd();
    } catch (ProtocolException readFailure) {
      ProtocolException skipFailure =
          assertThrows(ProtocolException.class, () -> skip(protocol, input));
      assertEquals(readFailure.kind(), skipFailure.kind(), "skip fails as reading does");
      return;
    }
    int consumed = in.readerIndex();
    assertEquals(consumed, skip(protocol, input), "skip passes over what reading consumed");

    byte[] written = write(protocol, header, body);
    ByteBuf again = Unpooled.wrappedBuffer(written);
    ProtocolReader reader = protocol.newReader(again, DEEP);
    MessageHeader headerAgain = reader.readMessageBegin();
    StructValue bodyAgain = readStruct(reader);
    assertEquals(header, headerAgain, "header after a round trip");
    assertEquals(0, again.readableBytes(), "bytes left after a round trip");
    // Compared by their encodings: equals on a tree a thousand levels deep would overflow the
    // stack, where reading and writing it do not.
    assertArrayEquals(written, write(protocol, headerAgain, bodyAgain), "body after a round trip");
  }

  /** Skips the message's struct; returns the bytes consumed. */
  private static int skip(Protocol protocol, byte[] input) {
    ByteBuf in = Unpooled.wrappedBuffer(input);
    ProtocolReader reader = protocol.newReader(in, DEEP);
    reader.readMessageBegin();
    reader.skip(TType.STRUCT);
    reader.readMessageEnd();
    return in.readerIndex();
  }

  private static void readWithTightLimits(Protocol protocol, byte[] input) {
    ByteBuf in = Unpooled.directBuffer(OFFSET + input.length);
    try {
      in.writeZero(OFFSET).writeBytes(input).readerIndex(OFFSET);
      int start = in.readerIndex();
      try {
        ProtocolReader reader = protocol.newReader(in, TIGHT);
        reader.readMessageBegin();
        reader.skip(TType.STRUCT);
      } catch (ProtocolException expected) {
        // Malformed input, or past a limit.
      }
      in.readerIndex(start);
      try {
        ProtocolReader reader = protocol.newReader(in, TIGHT);
        reader.readMessageBegin();
        readStruct(reader);
      } catch (ProtocolException expected) {
        // Malformed input, or past a limit.
      }
    } finally {
      in.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Values as a tree: boxed primitives, String, Bytes, UUID and the records below. A string field
  // with an odd id, and what is nested in it, reads as a String; with an even id, as Bytes; so both
  // decoders run.

  /** A struct's fields in wire order. */
  record StructValue(List<FieldValue> fields) {}

  record FieldValue(short id, byte type, Object value) {}

  /**
   * A list or set. The element type of an empty one is not compared: the compact protocol does not
   * carry it.
   */
  record ListValue(byte elementType, List<Object> elements) {}

  /** A map's keys and values, alternating. */
  record MapValue(byte keyType, byte valueType, List<Object> keysAndValues) {}

  static StructValue readStruct(ProtocolReader reader) {
    List<FieldValue> fields = new ArrayList<>();
    reader.readStructBegin();
    for (byte type; (type = reader.readFieldBegin()) != TType.STOP; reader.readFieldEnd()) {
      short id = reader.fieldId();
      fields.add(new FieldValue(id, type, readValue(reader, type, (id & 1) == 0)));
    }
    reader.readStructEnd();
    return new StructValue(fields);
  }

  private static Object readValue(ProtocolReader reader, byte type, boolean binary) {
    return switch (type) {
      case TType.BOOL -> reader.readBool();
      case TType.BYTE -> reader.readByte();
      case TType.I16 -> reader.readI16();
      case TType.I32 -> reader.readI32();
      case TType.I64 -> reader.readI64();
      case TType.DOUBLE -> reader.readDouble();
      case TType.STRING -> binary ? reader.readBinary() : reader.readString();
      case TType.UUID -> reader.readUuid();
      case TType.STRUCT -> readStruct(reader);
      case TType.LIST -> {
        ListHeader header = reader.readListBegin();
        ListValue list = readElements(reader, header, binary);
        reader.readListEnd();
        yield list;
      }
      case TType.SET -> {
        ListHeader header = reader.readSetBegin();
        ListValue set = readElements(reader, header, binary);
        reader.readSetEnd();
        yield set;
      }
      case TType.MAP -> {
        MapHeader header = reader.readMapBegin();
        List<Object> keysAndValues = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          keysAndValues.add(readValue(reader, header.keyType(), binary));
          keysAndValues.add(readValue(reader, header.valueType(), binary));
        }
        reader.readMapEnd();
        yield header.size() == 0
            ? new MapValue(TType.STOP, TType.STOP, keysAndValues)
            : new MapValue(header.keyType(), header.valueType(), keysAndValues);
      }
      // The readers reject unknown types in headers; reaching this is their bug.
      default -> throw new AssertionError("reader returned unknown type " + type);
    };
  }

  private static ListValue readElements(ProtocolReader reader, ListHeader header, boolean binary) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      elements.add(readValue(reader, header.elementType(), binary));
    }
    return new ListValue(header.size() == 0 ? TType.STOP : header.elementType(), elements);
  }

  private static byte[] write(Protocol protocol, MessageHeader header, StructValue body) {
    ByteBuf out = Unpooled.buffer();
    try {
      ProtocolWriter writer = protocol.newWriter(out);
      writer.writeMessageBegin(header);
      writeStruct(writer, body);
      writer.writeMessageEnd();
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }

  private static void writeStruct(ProtocolWriter writer, StructValue struct) {
    writer.writeStructBegin("S");
    for (FieldValue field : struct.fields()) {
      writer.writeFieldBegin("f", field.type(), field.id());
      writeValue(writer, field.type(), field.value());
      writer.writeFieldEnd();
    }
    writer.writeFieldStop();
    writer.writeStructEnd();
  }

  /** Any valid type for the header of an empty container, whose element type is not kept. */
  private static byte typeOrAny(byte type) {
    return type == TType.STOP ? TType.BYTE : type;
  }

  private static void writeValue(ProtocolWriter writer, byte type, Object value) {
    switch (type) {
      case TType.BOOL -> writer.writeBool((Boolean) value);
      case TType.BYTE -> writer.writeByte((Byte) value);
      case TType.I16 -> writer.writeI16((Short) value);
      case TType.I32 -> writer.writeI32((Integer) value);
      case TType.I64 -> writer.writeI64((Long) value);
      case TType.DOUBLE -> writer.writeDouble((Double) value);
      case TType.STRING -> {
        if (value instanceof Bytes bytes) {
          writer.writeBinary(bytes);
        } else {
          writer.writeString((String) value);
        }
      }
      case TType.UUID -> writer.writeUuid((UUID) value);
      case TType.STRUCT -> writeStruct(writer, (StructValue) value);
      case TType.LIST, TType.SET -> {
        ListValue list = (ListValue) value;
        byte elementType = typeOrAny(list.elementType());
        if (type == TType.LIST) {
          writer.writeListBegin(elementType, list.elements().size());
        } else {
          writer.writeSetBegin(elementType, list.elements().size());
        }
        for (Object element : list.elements()) {
          writeValue(writer, elementType, element);
        }
        if (type == TType.LIST) {
          writer.writeListEnd();
        } else {
          writer.writeSetEnd();
        }
      }
      case TType.MAP -> {
        MapValue map = (MapValue) value;
        byte keyType = typeOrAny(map.keyType());
        byte valueType = typeOrAny(map.valueType());
        List<Object> keysAndValues = map.keysAndValues();
        writer.writeMapBegin(keyType, valueType, keysAndValues.size() / 2);
        for (int i = 0; i < keysAndValues.size(); i += 2) {
          writeValue(writer, keyType, keysAndValues.get(i));
          writeValue(writer, valueType, keysAndValues.get(i + 1));
        }
        writer.writeMapEnd();
      }
      default -> throw new AssertionError("no such type " + type);
    }
  }
}
